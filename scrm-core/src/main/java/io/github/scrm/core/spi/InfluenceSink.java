package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives key-opinion-customer influence scores (0 to 100) so that they land in the profile metric {@code
 * social.influence} ({@link io.github.scrm.core.attribute.StandardAttributes#INFLUENCE}) where rules can read them.
 * The profile module implements it by writing the metric; {@link #recording()} keeps the last score per customer.
 *
 * <p>Called once per ranked customer, possibly from the thread that computed the ranking; implementations must be
 * thread-safe and should be cheap (a ranking publishes one score per customer in the graph).
 */
@FunctionalInterface
public interface InfluenceSink {

  /** Stores {@code score} (0 to 100, scale 2) as the current influence of {@code customer}. */
  void accept(CustomerId customer, BigDecimal score);

  /** A sink that keeps the last score written per customer, for tests and hosts without profiles. */
  static RecordingInfluenceSink recording() {
    return new RecordingInfluenceSink();
  }

  /** A sink that ignores every score. */
  static InfluenceSink discarding() {
    return (customer, score) -> {};
  }

  /** The default sink: the last score per customer, in memory. */
  final class RecordingInfluenceSink implements InfluenceSink {
    private final Map<CustomerId, BigDecimal> scores = new ConcurrentHashMap<>();

    RecordingInfluenceSink() {}

    @Override
    public void accept(CustomerId customer, BigDecimal score) {
      scores.put(customer, score);
    }

    /** The scores written so far. */
    public Map<CustomerId, BigDecimal> scores() {
      return Map.copyOf(scores);
    }
  }
}
