package io.github.scrm.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReadmeQuickStartTest {

  @Test
  void main_printsTheMergedCustomersMetricsAndTags() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      ReadmeQuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    // the follow (unionid only) and the purchase (unionid and phone) are one customer, found by phone
    assertThat(out).contains("orders: 1, spend: 599.00 CNY, followers: 1860");
    assertThat(out).contains("tags: [grade_C, 一般发展]");
  }

  @Test
  void readmeBlock_isAtMostFifteenLines() throws IOException {
    List<String> lines = Files.readAllLines(
        Path.of("src/main/java/io/github/scrm/examples/quickstart/ReadmeQuickStart.java"));
    int start = lines.indexOf("    // README:start");
    int end = lines.indexOf("    // README:end");
    assertThat(start).isNotNegative();
    assertThat(end - start - 1).isBetween(1, 15);
  }

  @Test
  void readme_showsTheCompiledBlockVerbatim() throws IOException {
    List<String> lines = Files.readAllLines(
        Path.of("src/main/java/io/github/scrm/examples/quickstart/ReadmeQuickStart.java"));
    List<String> block = lines.subList(lines.indexOf("    // README:start") + 1, lines.indexOf("    // README:end"))
        .stream().map(line -> line.startsWith("    ") ? line.substring(4) : line).toList();
    String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("```java\n" + String.join("\n", block) + "\n```");
  }
}
