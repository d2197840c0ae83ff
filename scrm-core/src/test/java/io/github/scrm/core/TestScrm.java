package io.github.scrm.core;

import io.github.scrm.core.spi.IdSource;
import java.time.Clock;
import java.time.ZoneOffset;

/** Scrm instances for tests: a fixed clock at {@link Fixtures#NOW}, sequential ids, in-memory stores. */
public final class TestScrm {

  private TestScrm() {}

  /** A builder with the test clock, key and ids. */
  public static Scrm.Builder builder() {
    return Scrm.builder()
        .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))
        .idSource(IdSource.sequential("c", 1))
        .phoneHashKey(Fixtures.KEY);
  }

  /** A fresh instance with the defaults. */
  public static Scrm create() {
    return builder().build();
  }
}
