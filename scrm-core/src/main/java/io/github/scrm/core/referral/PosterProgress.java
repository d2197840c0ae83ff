package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a poster stands, for its owner's progress page.
 *
 * @param campaign the campaign
 * @param poster the poster's code
 * @param owner the poster owner
 * @param supporters distinct natural persons who supported it
 * @param reached the ladder thresholds reached, ascending
 * @param next the next threshold, empty when the ladder is complete
 * @param remaining supporters still needed for {@code next}; zero when complete
 * @param deadline when the campaign ends
 * @param flags fraud signals seen on this poster's supporters
 */
public record PosterProgress(
    String campaign, ReferralCode poster, CustomerId owner, int supporters, List<Integer> reached,
    Optional<Integer> next, int remaining, Instant deadline, List<FraudFlag> flags) {

  /** Copies the lists. */
  public PosterProgress {
    reached = List.copyOf(reached);
    flags = List.copyOf(flags);
  }
}
