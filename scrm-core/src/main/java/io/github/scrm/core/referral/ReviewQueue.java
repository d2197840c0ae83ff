package io.github.scrm.core.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Flagged rewards waiting for a person: pending items, approve, deny. An item nobody decides before its deadline
 * lapses by its programme's {@link LapsePolicy} on the next {@link Referrals#settle()}. Thread-safe: decisions take the
 * programme's lock, so a decision and a concurrent qualification or refund never both apply to the same reward.
 */
public final class ReviewQueue {
  private final RewardLedger ledger;
  private final Context ctx;

  ReviewQueue(RewardLedger ledger, Context ctx) {
    this.ledger = ledger;
    this.ctx = ctx;
  }

  /** Every reward in review, earliest deadline first. */
  public List<ReviewItem> pending() {
    List<ReviewItem> items = new ArrayList<>();
    for (RewardLedger.Account account : ledger.accounts()) {
      synchronized (account.lock) {
        for (Reward r : ledger.openRewards(account)) {
          if (r.state() == RewardState.IN_REVIEW) {
            items.add(new ReviewItem(r, r.flags(), r.reviewDeadline().orElseThrow(), account.lapse));
          }
        }
      }
    }
    items.sort(Comparator.comparing(ReviewItem::deadline).thenComparing(i -> i.reward().rewardId()));
    return items;
  }

  /** Approves a flagged reward; it is paid now when its review period is over, else on a later settle. */
  public ReviewOutcome approve(String rewardId, String reviewer) {
    return decide(rewardId, RewardState.APPROVED, "approved by " + reviewer);
  }

  /** Denies a flagged reward; its value returns to the budget. */
  public ReviewOutcome deny(String rewardId, String reviewer, String note) {
    return decide(rewardId, RewardState.DENIED, "denied by " + reviewer + ": " + note);
  }

  private ReviewOutcome decide(String rewardId, RewardState to, String why) {
    Optional<Reward> found = ledger.find(rewardId);
    if (found.isEmpty()) {
      return new ReviewOutcome.NotFound(rewardId);
    }
    Optional<RewardLedger.Account> account = ledger.account(found.get().programme());
    if (account.isEmpty()) {
      return new ReviewOutcome.NotFound(rewardId);
    }
    synchronized (account.get().lock) {
      Reward current = ledger.find(rewardId).orElseThrow();
      if (current.state() != RewardState.IN_REVIEW) {
        return new ReviewOutcome.NotInReview(current);
      }
      Optional<Reward> moved = ledger.move(account.get(), current, to, why);
      if (moved.isEmpty()) {
        return new ReviewOutcome.NotInReview(ledger.find(rewardId).orElseThrow());
      }
      return new ReviewOutcome.Decided(payIfDue(ledger, account.get(), moved.get(), ctx.time().now()));
    }
  }

  /** Settles one account: lapses overdue reviews and pays what is due. Caller holds the account lock. */
  static List<Reward> settle(RewardLedger ledger, RewardLedger.Account account, Instant now) {
    List<Reward> changed = new ArrayList<>();
    for (Reward r : ledger.openRewards(account)) {
      Reward next = r;
      if (r.state() == RewardState.IN_REVIEW && !r.reviewDeadline().orElseThrow().isAfter(now)) {
        RewardState to = account.lapse == LapsePolicy.APPROVE ? RewardState.APPROVED : RewardState.DENIED;
        next = ledger.move(account, r, to, "review lapsed at " + r.reviewDeadline().get() + ": " + account.lapse)
            .orElse(r);
      }
      next = payIfDue(ledger, account, next, now);
      if (next != r) {
        changed.add(next);
      }
    }
    return changed;
  }

  /** Pays a pending or approved reward whose review period is over. Caller holds the account lock. */
  static Reward payIfDue(RewardLedger ledger, RewardLedger.Account account, Reward reward, Instant now) {
    if (reward.payableAt().isAfter(now)) {
      return reward;
    }
    Reward r = reward;
    if (r.state() == RewardState.PENDING) {
      r = ledger.move(account, r, RewardState.APPROVED, "review period ended at " + r.payableAt()).orElse(r);
    }
    return r.state() == RewardState.APPROVED ? ledger.issue(account, r) : r;
  }
}
