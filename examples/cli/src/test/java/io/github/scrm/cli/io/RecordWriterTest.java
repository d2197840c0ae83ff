package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RecordWriterTest {

  private static final List<String> COLUMNS = List.of("id", "text");

  @TempDir
  Path dir;

  private static ObjectNode aRow(String id, String text) {
    return JsonNodeFactory.instance.objectNode().put("id", id).put("text", text);
  }

  private Path anExistingFile(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void commit_replacesTheFileWithTheRowsWritten() throws Exception {
    Path out = anExistingFile("out.csv", "old\n");
    try (RecordWriter w = RecordWriter.open(out.toString(), Format.JSONL, COLUMNS, System.out)) {
      w.write(aRow("1", "好吃"));
      w.commit();
    }
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("id,text\n1,好吃\n");
    assertThat(filesInDir()).containsExactly(out);
  }

  @Test
  void close_withoutCommit_leavesTheOldFileIntact() throws Exception {
    Path out = anExistingFile("out.csv", "old\n");
    try (RecordWriter w = RecordWriter.open(out.toString(), Format.JSONL, COLUMNS, System.out)) {
      w.write(aRow("1", "好吃"));
      assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("old\n");
    }
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("old\n");
    assertThat(filesInDir()).containsExactly(out);
  }

  @Test
  void close_withoutCommit_createsNoNewFile() throws Exception {
    Path out = dir.resolve("new.jsonl");
    try (RecordWriter w = RecordWriter.open(out.toString(), Format.CSV, COLUMNS, System.out)) {
      w.write(aRow("1", "好吃"));
    }
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void open_dash_writesToStdoutInTheFallbackFormat() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    try (RecordWriter w = RecordWriter.open("-", Format.JSONL, COLUMNS, stdout)) {
      w.write(aRow("1", "好吃"));
      w.commit();
    }
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1\",\"text\":\"好吃\"}\n");
  }

  @Test
  void refuseInput_theSameFileUnderAnotherName_isRefused() throws Exception {
    Path in = anExistingFile("same.csv", "id,text\n1,好吃\n");
    String sameByAnotherName = dir.resolve(".").resolve("same.csv").toString();
    assertThatThrownBy(() -> OutputFile.refuseInput(sameByAnotherName, in.toString()))
        .isInstanceOf(IOException.class)
        .hasMessage(sameByAnotherName + ": is also an input of this command; write the output to another file");
    assertThat(Files.readString(in, StandardCharsets.UTF_8)).isEqualTo("id,text\n1,好吃\n");
  }

  @Test
  void refuseInput_anotherFileOrStdinAndStdout_isAccepted() throws Exception {
    Path in = anExistingFile("in.csv", "id,text\n");
    OutputFile.refuseInput(dir.resolve("out.csv").toString(), in.toString());
    OutputFile.refuseInput(anExistingFile("other.csv", "").toString(), in.toString(), "-");
    OutputFile.refuseInput("-", "-");
  }

  @Test
  void open_inAMissingDirectory_saysSo() {
    String path = dir.resolve("nonexist").resolve("x.csv").toString();
    assertThatThrownBy(() -> RecordWriter.open(path, Format.JSONL, COLUMNS, System.out))
        .isInstanceOf(IOException.class)
        .hasMessage(path + ": cannot write (no such directory " + dir.resolve("nonexist") + ")");
  }

  @Test
  void open_aDirectory_saysSo() {
    assertThatThrownBy(() -> RecordWriter.open(dir.toString(), Format.JSONL, COLUMNS, System.out))
        .isInstanceOf(IOException.class)
        .hasMessage(dir + ": cannot write (it is a directory)");
  }

  @Test
  void open_belowAFile_saysSo() throws Exception {
    Path file = anExistingFile("plain.txt", "");
    String path = file.resolve("x.csv").toString();
    assertThatThrownBy(() -> RecordWriter.open(path, Format.JSONL, COLUMNS, System.out))
        .isInstanceOf(IOException.class)
        .hasMessage(path + ": cannot write (" + file + " is not a directory)");
  }

  @Test
  void open_anUnknownExtension_isRefusedAndNothingIsWritten() throws Exception {
    for (String name : List.of("out.xlsx", "out.tsv", "out.txt")) {
      String path = dir.resolve(name).toString();
      assertThatThrownBy(() -> RecordWriter.open(path, Format.JSONL, COLUMNS, System.out))
          .isInstanceOf(IOException.class)
          .hasMessage(path + ": cannot write " + name.substring(3) + " files; use .csv or .jsonl, or - for stdout");
    }
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void open_aNameWithoutExtension_usesTheFallbackFormat() throws Exception {
    Path out = dir.resolve("tags");
    try (RecordWriter w = RecordWriter.open(out.toString(), Format.JSONL, COLUMNS, System.out)) {
      w.write(aRow("1", "好吃"));
      w.commit();
    }
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1\",\"text\":\"好吃\"}\n");
  }
}
