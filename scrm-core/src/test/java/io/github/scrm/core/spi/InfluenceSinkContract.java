package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of an {@link InfluenceSink}: the last score written per customer is the one that counts. An
 * implementation extends this class, returning a fresh sink and a way to read what it stored.
 */
public abstract class InfluenceSinkContract {

  /** A fresh sink. */
  protected abstract InfluenceSink newSink();

  /** The score {@code sink} holds for {@code customer} now. */
  protected abstract Optional<BigDecimal> stored(InfluenceSink sink, CustomerId customer);

  @Test
  void accept_lastScoreWins() {
    InfluenceSink sink = newSink();
    CustomerId alice = CustomerId.of("alice");

    sink.accept(alice, new BigDecimal("12.50"));
    sink.accept(alice, new BigDecimal("88.00"));

    assertThat(stored(sink, alice)).contains(new BigDecimal("88.00"));
    assertThat(stored(sink, CustomerId.of("bob"))).isEmpty();
  }
}
