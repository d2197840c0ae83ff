package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class Utf8Test {

  private static final String BOM = "\uFEFF";

  private static String readAll(String text) throws Exception {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    StringWriter out = new StringWriter();
    Utf8.reader(in).transferTo(out);
    return out.toString();
  }

  @Test
  void reader_dropsOneLeadingByteOrderMarkAndKeepsTheRest() throws Exception {
    assertThat(readAll(BOM + "规则" + BOM + "b")).isEqualTo("规则" + BOM + "b");
    assertThat(readAll(BOM + BOM + "a")).isEqualTo(BOM + "a");
    assertThat(readAll("a")).isEqualTo("a");
    assertThat(readAll(BOM)).isEmpty();
    assertThat(readAll("")).isEmpty();
  }

  @Test
  void withoutBom_dropsOneLeadingByteOrderMark() {
    assertThat(Utf8.withoutBom(BOM + "{\"name\":\"店\"}")).isEqualTo("{\"name\":\"店\"}");
    assertThat(Utf8.withoutBom(BOM + BOM)).isEqualTo(BOM);
    assertThat(Utf8.withoutBom("{}")).isEqualTo("{}");
    assertThat(Utf8.withoutBom("")).isEmpty();
  }

  @Test
  void reader_textSavedAsGbk_failsWithTheLineOfTheFirstBadByte() throws Exception {
    // what Excel on a Chinese Windows writes for "CSV": read as UTF-8 every comment would become U+FFFD
    byte[] gbk = "text,id\n好吃,1\n太难吃了,2\n".getBytes(java.nio.charset.Charset.forName("GBK"));
    StringWriter out = new StringWriter();
    assertThatThrownBy(() -> Utf8.reader(new ByteArrayInputStream(gbk)).transferTo(out))
        .isInstanceOf(Utf8.NotUtf8Exception.class)
        .hasMessageStartingWith("line 2: not UTF-8 text")
        .satisfies(e -> assertThat(((Utf8.NotUtf8Exception) e).line()).isEqualTo(2));
  }

  @Test
  void reader_utf8SplitAcrossReads_isDecodedWhole() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("送得太慢了，饭也凉了 ").append(i).append('\n');
    }
    assertThat(readAll(text.toString())).isEqualTo(text.toString());
  }
}
