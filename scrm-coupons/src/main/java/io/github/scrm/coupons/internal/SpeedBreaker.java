package io.github.scrm.coupons.internal;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.guardrail.SpeedLimit;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts redemptions per campaign in fixed windows and pauses a campaign (ACTIVE → PAUSED, audited as the system's
 * "circuit-breaker") the first time a window passes the limit. Lock-free: one pair of atomics per campaign.
 */
public final class SpeedBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(SpeedBreaker.class);

  private final Optional<SpeedLimit> limit;
  private final CouponStore store;
  private final Map<CampaignId, Window> windows = new ConcurrentHashMap<>();

  SpeedBreaker(Optional<SpeedLimit> limit, CouponStore store) {
    this.limit = limit;
    this.store = store;
  }

  private static final class Window {
    final AtomicLong bucket = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong count = new AtomicLong();
  }

  /** Records {@code n} redemptions of {@code campaign} at {@code now}; pauses it when the window overflows. */
  public void redeemed(CampaignId campaign, int n, Instant now) {
    if (limit.isEmpty()) {
      return;
    }
    SpeedLimit l = limit.get();
    long bucket = now.toEpochMilli() / l.window().toMillis();
    Window w = windows.computeIfAbsent(campaign, c -> new Window());
    long seen = w.bucket.get();
    if (seen != bucket && w.bucket.compareAndSet(seen, bucket)) {
      w.count.set(0);
    }
    long count = w.count.addAndGet(n);
    if (count > l.maxRedemptions() && count - n <= l.maxRedemptions()) {
      LedgerEntry entry = new LedgerEntry(campaign, "", LedgerEvent.PAUSED, "breaker:" + campaign + ":" + bucket,
          Actor.system("circuit-breaker"), now, 0, count + " redemptions in " + l.window());
      if (store.changeStatus(campaign, CampaignStatus.ACTIVE, CampaignStatus.PAUSED, entry)) {
        LOG.warn("campaign {} paused: {} redemptions within {} exceed the limit of {}", campaign, count, l.window(),
            l.maxRedemptions());
      }
    }
  }
}
