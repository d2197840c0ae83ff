package io.github.scrm.core.referral;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.core.spi.RewardOutcome;
import io.github.scrm.core.spi.RewardRequest;
import io.github.scrm.core.time.BusinessTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reward state machine over the {@link ReferralStore}, with the budget and per-beneficiary cap of each programme.
 * Every method that changes state must be called while holding {@link Account#lock} of the reward's programme: that
 * lock serialises a programme's qualifications, and the store's compare-and-set is the second line of defence when
 * several engines share one store.
 */
final class RewardLedger {
  private static final Logger log = LoggerFactory.getLogger(RewardLedger.class);

  private final ReferralStore store;
  private final RewardIssuer issuer;
  private final BusinessTime time;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();

  RewardLedger(ReferralStore store, RewardIssuer issuer, BusinessTime time) {
    this.store = store;
    this.issuer = issuer;
    this.time = time;
  }

  /** The budget and open rewards of one programme or campaign. */
  static final class Account {
    final Object lock = new Object();
    final String programme;
    final Money budget;
    final int capPerBeneficiary;
    final LapsePolicy lapse;
    long reservedMinor;
    long issuedCount;
    long issuedMinor;
    final Map<CustomerId, Integer> live = new HashMap<>();
    /** Rewards not yet issued and not terminal, by id: what {@link #settle} and reviews look at. */
    final TreeSet<String> open = new TreeSet<>();

    Account(String programme, Money budget, int capPerBeneficiary, LapsePolicy lapse) {
      this.programme = programme;
      this.lapse = lapse;
      this.budget = budget;
      this.capPerBeneficiary = capPerBeneficiary;
    }

    Money remaining() {
      return Money.of(budget.minorUnits() - reservedMinor, budget.currency());
    }
  }

  /** Opens the account of a newly defined programme, counting rewards the store already holds. */
  Account open(String programme, Money budget, int cap, LapsePolicy lapse) {
    Account account = new Account(programme, budget, cap, lapse);
    for (Reward r : store.rewardsOf(programme)) {
      if (r.state().holdsBudget()) {
        account.reservedMinor += r.value().minorUnits();
        account.live.merge(r.beneficiary(), 1, Integer::sum);
      }
      if (r.state() == RewardState.ISSUED) {
        account.issuedCount++;
        account.issuedMinor += r.value().minorUnits();
      }
      if (!r.state().terminal() && r.state() != RewardState.ISSUED) {
        account.open.add(r.rewardId());
      }
    }
    accounts.put(programme, account);
    return account;
  }

  Optional<Account> account(String programme) {
    return Optional.ofNullable(accounts.get(programme));
  }

  List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  Optional<Reward> find(String rewardId) {
    return store.find(rewardId);
  }

  /**
   * Stores a new reward drafted in state {@code PENDING} or {@code IN_REVIEW} (or {@code DENIED} for refused fraud);
   * a draft over the budget or the cap is stored {@code DENIED} with the reason. Empty when the id already exists.
   */
  Optional<Reward> create(Account account, Reward draft) {
    if (store.find(draft.rewardId()).isPresent()) {
      return Optional.empty();
    }
    Reward reward = draft;
    if (draft.state().holdsBudget()) {
      long value = draft.value().minorUnits();
      int held = account.live.getOrDefault(draft.beneficiary(), 0);
      if (account.reservedMinor + value > account.budget.minorUnits()) {
        reward = ImmutableReward.copyOf(draft).withState(RewardState.DENIED)
            .withNote("budget exhausted: " + account.remaining() + " left, reward is " + draft.value());
      } else if (held >= account.capPerBeneficiary) {
        reward = ImmutableReward.copyOf(draft).withState(RewardState.DENIED)
            .withNote("cap per referrer reached: " + held + " of " + account.capPerBeneficiary);
      }
    }
    if (!store.insert(reward)) {
      return Optional.empty();
    }
    if (reward.state().holdsBudget()) {
      reserve(account, reward, +1);
      account.open.add(reward.rewardId());
    }
    log.debug("reward {} created in state {} for programme {}", reward.rewardId(), reward.state(), account.programme);
    return Optional.of(reward);
  }

  /**
   * Moves the stored reward to {@code next}, keeping the budget right. Empty when the store changed underneath (the
   * caller re-reads) or when the transition is not allowed from the current state.
   */
  Optional<Reward> move(Account account, Reward current, RewardState next, String why) {
    if (!allowed(current.state(), next)) {
      return Optional.empty();
    }
    Reward moved = current.moveTo(next, why);
    if (next == RewardState.IN_REVIEW && moved.reviewDeadline().isEmpty()) {
      throw new IllegalStateException("a reward moved to review needs a review deadline: " + current.rewardId());
    }
    if (!store.replace(current, moved)) {
      return Optional.empty();
    }
    if (current.state().holdsBudget() && !next.holdsBudget()) {
      reserve(account, current, -1);
    }
    if (next.terminal() || next == RewardState.ISSUED) {
      account.open.remove(current.rewardId());
    }
    return Optional.of(moved);
  }

  /** Pays an approved reward through the issuer; the reward stays approved when the issuer's backend fails. */
  Reward issue(Account account, Reward approved) {
    if (approved.state() != RewardState.APPROVED) {
      throw new IllegalStateException("only approved rewards are issued, but " + approved.rewardId() + " is "
          + approved.state());
    }
    RewardOutcome outcome;
    try {
      outcome = issuer.issue(new RewardRequest(approved.rewardId(), approved.programme(), approved.beneficiary(),
          approved.rewardKey(), approved.value(), time.now()));
    } catch (ScrmException e) {
      log.warn("reward issuer failed for reward {}; it stays approved and is retried by the next settle: {}",
          approved.rewardId(), e.getMessage());
      return approved;
    }
    if (outcome instanceof RewardOutcome.Issued issued) {
      Reward paid =
          ImmutableReward.copyOf(approved.moveTo(RewardState.ISSUED, "issued")).withReference(issued.reference());
      if (!store.replace(approved, paid)) {
        return store.find(approved.rewardId()).orElse(approved);
      }
      account.open.remove(approved.rewardId());
      account.issuedCount++;
      account.issuedMinor += approved.value().minorUnits();
      return paid;
    }
    String reason = ((RewardOutcome.Refused) outcome).reason();
    return move(account, approved, RewardState.CANCELLED, "issuer refused: " + reason).orElse(approved);
  }

  /** Rewards of the account that are still open, freshly read from the store. */
  List<Reward> openRewards(Account account) {
    List<Reward> result = new ArrayList<>(account.open.size());
    for (String id : List.copyOf(account.open)) {
      store.find(id).ifPresent(result::add);
    }
    return result;
  }

  List<Reward> rewardsOf(String programme) {
    return store.rewardsOf(programme);
  }

  private static void reserve(Account account, Reward reward, int sign) {
    account.reservedMinor += sign * reward.value().minorUnits();
    account.live.merge(reward.beneficiary(), sign, Integer::sum);
    if (sign < 0 && reward.state() == RewardState.ISSUED) {
      account.issuedCount--;
      account.issuedMinor -= reward.value().minorUnits();
    }
  }

  static boolean allowed(RewardState from, RewardState to) {
    return switch (from) {
      case PENDING -> to == RewardState.APPROVED || to == RewardState.IN_REVIEW || to == RewardState.CANCELLED
          || to == RewardState.DENIED;
      case IN_REVIEW -> to == RewardState.APPROVED || to == RewardState.DENIED || to == RewardState.CANCELLED;
      case APPROVED -> to == RewardState.CANCELLED || to == RewardState.DENIED;
      case ISSUED -> to == RewardState.CLAWED_BACK;
      case CLAWED_BACK, CANCELLED, DENIED -> false;
    };
  }
}
