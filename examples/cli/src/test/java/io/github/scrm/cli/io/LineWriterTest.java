package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LineWriterTest {

  private final List<String> lines = new ArrayList<>();

  @Test
  void linesSplitAcrossWrites_areHandedOverWholeAsSoonAsTheyEnd() throws IOException {
    try (LineWriter w = new LineWriter(lines::add)) {
      w.write("{\"a\":");
      assertThat(lines).as("no line has ended yet").isEmpty();
      w.write("1}\n{\"b\"");
      assertThat(lines).containsExactly("{\"a\":1}");
      w.write(":2}\n\n");
      assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}", "");
    }
    assertThat(lines).as("nothing left to hand over at close").hasSize(3);
  }

  @Test
  void close_handsOverTheTextAfterTheLastLineEnd() throws IOException {
    LineWriter w = new LineWriter(lines::add);
    w.write("first\nlast", 0, 10);
    assertThat(lines).containsExactly("first");
    w.close();
    assertThat(lines).containsExactly("first", "last");
    assertThatThrownBy(() -> w.write("more")).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void aFailingAction_failsTheWriteThatEndedTheLine() {
    LineWriter w = new LineWriter(line -> {
      throw new IOException("disk full at " + line);
    });
    assertThatThrownBy(() -> w.write("x\n")).isInstanceOf(IOException.class).hasMessage("disk full at x");
  }

  @Test
  void partOfAnArray_isWrittenFromItsOffset() throws IOException {
    try (LineWriter w = new LineWriter(lines::add)) {
      char[] chars = "..ab\ncd..".toCharArray();
      w.write(chars, 2, 5);
    }
    assertThat(lines).containsExactly("ab", "cd");
  }
}
