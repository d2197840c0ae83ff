package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RecordReaderTest {

  /** What Excel's "CSV UTF-8" and Notepad put before the first character. */
  private static final String BOM = "\uFEFF";
  private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

  @TempDir
  Path dir;

  private final StringWriter err = new StringWriter();
  private final Problems problems = new Problems(new PrintWriter(err));

  private String aFile(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void open_csvWithAByteOrderMark_hasTheFirstColumnByItsName() throws Exception {
    String path = aFile("excel.csv", BOM + "text,id\n太难吃了,1\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThat(reader.columns()).containsExactly("text", "id");
      Row row = reader.next();
      assertThat(row.text("text")).isEqualTo("太难吃了");
      assertThat(row.line()).isEqualTo(2);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void openWithProgress_csvWithAByteOrderMark_hasTheFirstColumnByItsName() throws Exception {
    String path = aFile("excel.csv", BOM + "customer_id,orders.count\nc1,3\n");
    try (RecordReader reader = RecordReader.openWithProgress(path, NO_STDIN, problems, new PrintWriter(err), "p")) {
      assertThat(reader.columns()).containsExactly("customer_id", "orders.count");
      assertThat(reader.next().text("customer_id")).isEqualTo("c1");
    }
  }

  @Test
  void open_jsonLinesWithAByteOrderMark_readsTheFirstLine() throws Exception {
    String path = aFile("comments.jsonl", BOM + "{\"id\":1,\"text\":\"送得太慢了\"}\n{\"id\":2,\"text\":\"好吃\"}\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThat(reader.next().text("text")).isEqualTo("送得太慢了");
      assertThat(reader.next().text("text")).isEqualTo("好吃");
      assertThat(reader.columns()).containsExactly("id", "text");
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void open_stdinWithAByteOrderMark_dropsIt() throws Exception {
    InputStream stdin = new ByteArrayInputStream((BOM + "text,id\n好吃,1\n").getBytes(StandardCharsets.UTF_8));
    try (RecordReader reader = RecordReader.open("-", stdin, problems)) {
      assertThat(reader.columns()).containsExactly("text", "id");
    }
  }

  @Test
  void open_onlyOneByteOrderMarkIsDropped() throws Exception {
    String path = aFile("twice.csv", BOM + BOM + "text\n好吃\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThat(reader.columns()).containsExactly(BOM + "text");
    }
  }

  @Test
  void open_aTsvFile_isAnUnknownFormat() throws Exception {
    String path = aFile("tabs.tsv", "text\tid\n好吃\t1\n");
    assertThatThrownBy(() -> RecordReader.open(path, NO_STDIN, problems))
        .isInstanceOf(IOException.class)
        .hasMessage(path + ": unknown format; use a .csv or .jsonl file");
  }

  @Test
  void next_jsonLineWithTwoObjects_reportsTheLineInsteadOfDroppingTheSecond() throws Exception {
    String path = aFile("joined.jsonl", "{\"customerId\":\"c1\"}{\"customerId\":\"c2\"}\n{\"customerId\":\"c3\"}\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      Row row = reader.next();
      assertThat(row.text("customerId")).isEqualTo("c3");
      assertThat(row.line()).isEqualTo(2);
      assertThat(reader.next()).isNull();
    }
    assertThat(err.toString()).isEqualTo(path + ":1: column 20: more than one JSON value on the line; "
        + "put each object on a line of its own" + System.lineSeparator());
    assertThat(problems.count()).isEqualTo(1);
  }

  @Test
  void next_jsonLineWithTextAfterTheObject_reportsTheLine() throws Exception {
    String path = aFile("tail.jsonl", "{\"customerId\":\"c1\"} ok\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThat(reader.next()).isNull();
    }
    assertThat(err.toString()).startsWith(path + ":1: column 21: text after the JSON object: ");
  }

  @Test
  void next_csvWithTextAfterAClosingQuote_namesTheFileLineAndColumn() throws Exception {
    String path = aFile("profiles.csv", "customer_id,orders.count\nc1,3\nc2,\"5\"x\nc3,1\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThat(reader.next().text("customer_id")).isEqualTo("c1");
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(path + ":3: column 8: malformed CSV: Unexpected character ('x'");
    }
  }

  @Test
  void next_csvWithAQuoteNeverClosed_namesTheRowWhereItOpened() throws Exception {
    String path = aFile("comments.csv", "text,id\n\"好吃,1\n不好,2\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessage(path + ":2: malformed CSV: Missing closing quote for value (the quoted value that starts in "
              + "this row runs to line 4)");
    }
  }

  @Test
  void next_jsonLineWithAFieldGivenTwice_reportsTheLineInsteadOfTakingTheLast() throws Exception {
    String path = aFile("twice.jsonl", "{\"customerId\":\"c1\",\"text\":\"好吃\",\"customerId\":\"c2\"}\n"
        + "{\"customerId\":\"c3\"}\n");
    try (RecordReader reader = RecordReader.open(path, NO_STDIN, problems)) {
      assertThat(reader.next().text("customerId")).isEqualTo("c3");
    }
    assertThat(err.toString()).startsWith(path + ":1: not valid JSON: Duplicate field 'customerId'");
  }

  @Test
  void open_csvHeaderWithAColumnTwice_namesTheColumn() throws Exception {
    try (RecordReader unnamed = RecordReader.open(aFile("excel.csv", "text,id,,\n好吃,1,,\n"), NO_STDIN, problems)) {
      assertThat(unnamed.columns()).containsExactly("text", "id", "", ""); // trailing commas stay readable
    }
    String path = aFile("twice.csv", "text,id,text\n好吃,1,难吃\n");
    assertThatThrownBy(() -> RecordReader.open(path, NO_STDIN, problems))
        .isInstanceOf(IOException.class)
        .hasMessage(path + ":1: column 'text' appears more than once in the header; every column needs a name "
            + "of its own");
  }
}
