package io.github.scrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** scrm demo run as a process. */
final class DemoCommandIT {

  @Test
  void demo_runsTheQuickstartStory() throws Exception {
    ScrmProcess.Result r = ScrmProcess.run("", "demo");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isNotBlank(); // the story itself is asserted by the quickstart module's own test
    ScrmProcess.Result bad = ScrmProcess.run("", "demo", "--unknown");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("Unknown option: '--unknown'");
  }
}
