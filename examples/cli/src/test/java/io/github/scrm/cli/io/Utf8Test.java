package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

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
}
