package io.github.scrm.core.spi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pays rewards that referral programmes and supporter campaigns earn. The coupons module implements it with a coupon
 * campaign; the default only records what was asked.
 *
 * <p>Implementations must be thread-safe and idempotent by {@link RewardRequest#rewardId()}: a repeat returns the
 * first outcome and pays nothing. A broken backend throws {@link io.github.scrm.core.ScrmException}; the caller keeps
 * the reward approved and may retry.
 */
public interface RewardIssuer {

  /** Pays {@code request} once. */
  RewardOutcome issue(RewardRequest request);

  /** An issuer that records every request and reports it issued with the reward id as reference. */
  static RecordingRewardIssuer recording() {
    return new RecordingRewardIssuer();
  }

  /** The default issuer: records requests in memory, idempotent by reward id. */
  final class RecordingRewardIssuer implements RewardIssuer {
    private final Map<String, RewardRequest> issued = new ConcurrentHashMap<>();

    RecordingRewardIssuer() {}

    @Override
    public RewardOutcome issue(RewardRequest request) {
      issued.putIfAbsent(request.rewardId(), request);
      return new RewardOutcome.Issued(request.rewardId());
    }

    /** Every distinct request recorded so far. */
    public List<RewardRequest> issued() {
      return List.copyOf(issued.values());
    }
  }
}
