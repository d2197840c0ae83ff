package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds every {@code ```java} block of {@code docs/*.md} to its tested twin: the lines between
 * {@code // docs/<file>.md#<n>:start} and {@code // docs/<file>.md#<n>:end} in a test of this module or of
 * {@code examples/jdbc} (the n-th block of the file, counting from 1), compared after removing the common indentation.
 */
final class DocSamplesTest {

  private static final Path DOCS = Path.of("../../docs");
  private static final List<Path> TEST_SOURCES = List.of(Path.of("src/test/java"), Path.of("../jdbc/src/test/java"));
  private static final Pattern MARKER = Pattern.compile("^\\s*// (docs/[\\w.-]+\\.md#\\d+):(start|end)\\s*$");

  @Test
  void everyJavaBlockOfTheDocs_isTheCodeOfATestedTwin() throws IOException {
    Map<String, String> blocks = docBlocks();
    Map<String, String> twins = twins();

    assertThat(blocks).as("java blocks in %s", DOCS.toAbsolutePath().normalize()).isNotEmpty();
    assertThat(blocks.keySet().stream().filter(id -> !twins.containsKey(id)))
        .as("java blocks without a tested twin").isEmpty();
    assertThat(twins.keySet().stream().filter(id -> !blocks.containsKey(id)))
        .as("twins of java blocks that the docs no longer have").isEmpty();
    blocks.forEach((id, block) -> assertThat(block).as("%s against its tested twin", id).isEqualTo(twins.get(id)));
  }

  @Test
  void dedent_removesTheCommonIndentationOnly() {
    assertThat(dedent(List.of("    a(", "      b);", "", "    c();"))).isEqualTo("a(\n  b);\n\nc();");
  }

  @Test
  void docBlocks_numbersTheJavaBlocksOfAFileInOrder_andSkipsOtherLanguages() {
    List<String> blocks = javaBlocks(List.of("text", "```java", "one();", "```", "```json", "{}", "```", "```java",
        "  two();", "```"));
    assertThat(blocks).containsExactly("one();", "two();");
  }

  /** The java blocks of every doc, keyed {@code docs/<file>.md#<n>}. */
  private static Map<String, String> docBlocks() throws IOException {
    Map<String, String> blocks = new TreeMap<>();
    try (Stream<Path> docs = Files.list(DOCS)) {
      for (Path doc : docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList()) {
        List<String> found = javaBlocks(Files.readAllLines(doc, StandardCharsets.UTF_8));
        for (int i = 0; i < found.size(); i++) {
          blocks.put("docs/" + doc.getFileName() + "#" + (i + 1), found.get(i));
        }
      }
    }
    return blocks;
  }

  /** The bodies of the {@code ```java} blocks in {@code lines}, in order; other fenced blocks are skipped. */
  private static List<String> javaBlocks(List<String> lines) {
    List<String> blocks = new ArrayList<>();
    boolean inFence = false;
    List<String> java = null;
    for (String line : lines) {
      String fence = line.strip();
      if (!inFence && fence.startsWith("```")) {
        inFence = true;
        java = fence.equals("```java") ? new ArrayList<>() : null;
      } else if (inFence && fence.equals("```")) {
        if (java != null) {
          blocks.add(dedent(java));
        }
        inFence = false;
        java = null;
      } else if (java != null) {
        java.add(line);
      }
    }
    assertThat(inFence).as("a fenced block is left open").isFalse();
    return blocks;
  }

  /** The marked regions of the test sources, keyed {@code docs/<file>.md#<n>}. */
  private static Map<String, String> twins() throws IOException {
    Map<String, String> twins = new LinkedHashMap<>();
    for (Path root : TEST_SOURCES) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(file -> collect(file, twins));
      }
    }
    return twins;
  }

  private static void collect(Path file, Map<String, String> twins) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String open = null;
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches() || file.getFileName().toString().equals("DocSamplesTest.java")) {
        continue;
      }
      if (m.group(2).equals("start")) {
        assertThat(open).as("%s:%d opens %s inside %s", file, i + 1, m.group(1), open).isNull();
        open = m.group(1);
        from = i + 1;
      } else {
        assertThat(m.group(1)).as("%s:%d closes a region that is not open", file, i + 1).isEqualTo(open);
        assertThat(twins).as("%s:%d: a second twin of %s", file, i + 1, open).doesNotContainKey(open);
        twins.put(open, dedent(lines.subList(from, i)));
        open = null;
      }
    }
    assertThat(open).as("%s leaves %s open", file, open).isNull();
  }

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList());
  }
}
