package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {

  private final StringWriter text = new StringWriter();
  private long now;

  private ProgressBar bar(long total, boolean terminal) {
    return new ProgressBar(new PrintWriter(text), "profiles", total, terminal, () -> now);
  }

  @Test
  void update_withinTheFirstSecond_drawsNothing() {
    ProgressBar bar = bar(1000, true);
    now = 900_000_000L;
    bar.update(500);
    bar.done(1000);
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void update_afterASecond_drawsABarAndDoneEndsTheLine() {
    ProgressBar bar = bar(2000, true);
    now = 1_500_000_000L;
    bar.update(500);
    assertThat(text.toString()).isEqualTo("\rprofiles [#######.......................]  25% 0 KB / 1 KB");
    bar.done(2000);
    assertThat(text.toString()).endsWith("\rprofiles [##############################] 100% 1 KB / 1 KB"
        + System.lineSeparator());
  }

  @Test
  void update_whenStderrIsNotATerminal_drawsNothing() {
    ProgressBar bar = bar(2000, false);
    now = 5_000_000_000L;
    bar.update(500);
    bar.done(2000);
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void line_unknownTotal_showsBytesRead() {
    assertThat(bar(0, true).line(3 << 20)).isEqualTo("profiles: 3.0 MB read");
  }
}
