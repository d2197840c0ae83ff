package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.referral.Attribution;
import io.github.scrm.core.referral.CodeAssignment;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.SupportRecord;
import java.util.List;
import java.util.Optional;

/**
 * Persists what referrals must never lose or repeat: the codes handed out, the one referrer of each referee per
 * programme, the supports counted in supporter campaigns, and the reward ledger whose conditional updates make sure a reward is issued at most once, also across
 * threads and restarts.
 *
 * <p>Implementations must be thread-safe and linearisable per key: {@link #insert} and {@link #attribute} are
 * insert-if-absent (a unique key in SQL), {@link #replace} is compare-and-set on {@link Reward#version()} (an {@code
 * UPDATE ... WHERE version = ?}). A broken backend throws {@link io.github.scrm.core.ScrmException}; the engine then
 * leaves its state unchanged. {@link #inMemory()} is the default; {@code ReferralStoreContract} in the tests jar is the
 * suite a host implementation extends.
 */
public interface ReferralStore {

  /** Stores a new reward; {@code false} (and nothing stored) when a reward with the same id exists. */
  boolean insert(Reward reward);

  /** The reward with {@code rewardId}, if stored. */
  Optional<Reward> find(String rewardId);

  /**
   * Replaces the stored reward with {@code next} when the stored one has the version of {@code expected}; {@code
   * next} must have the same id and version {@code expected.version() + 1}.
   *
   * @return whether the replacement happened
   * @throws IllegalArgumentException when {@code next} does not follow {@code expected}
   */
  boolean replace(Reward expected, Reward next);

  /** Every reward of {@code programme} (a referral programme or a supporter campaign), ordered by id. */
  List<Reward> rewardsOf(String programme);

  /** Stores the attribution of a referee; {@code false} when the referee already has one in that programme. */
  boolean attribute(Attribution attribution);

  /** The attribution of {@code referee} in {@code programme}, if any. */
  Optional<Attribution> attributionOf(String programme, CustomerId referee);

  /**
   * Stores a code handed to a customer; {@code false} when the code is taken or the owner already has a code in that
   * programme.
   */
  boolean assignCode(CodeAssignment assignment);

  /** Who holds {@code code}, if anyone. */
  Optional<CodeAssignment> codeOwner(ReferralCode code);

  /** The code {@code owner} holds in {@code programme}, if any. */
  Optional<CodeAssignment> codeOf(String programme, CustomerId owner);

  /**
   * Stores a counted support; {@code false} when the same person already supported the same poster in the campaign
   * (a unique key on campaign, poster and person).
   */
  boolean recordSupport(SupportRecord support);

  /** Every support counted in {@code campaign}, in the order they were recorded. */
  List<SupportRecord> supportsOf(String campaign);

  /**
   * Erases {@code person} (as named in {@link SupportRecord#person()}) from every support they gave, in every
   * campaign: each such support is renamed to {@code anonymousName} and loses its identifier keys, device and network.
   * The supports stay counted, one per poster as before, so a poster's progress still adds up; nothing left in the
   * store links them to the person's identifiers or customer id. Used by PIPL erasure.
   *
   * <p>{@code anonymousName} must be a name no support holds, so that the one-support-per-person key cannot collide;
   * the engine draws a fresh random one for each erased name. Implementations need not check this. Idempotent in
   * effect: once renamed, a second call for {@code person} finds nothing and changes nothing. Atomic per support (in
   * SQL one {@code UPDATE}); a broken backend throws {@link io.github.scrm.core.ScrmException}.
   *
   * @return how many supports changed
   * @throws IllegalArgumentException when {@code anonymousName} is blank or equals {@code person}
   */
  int redactSupports(String person, String anonymousName);

  /** A thread-safe, empty in-memory store. */
  static ReferralStore inMemory() {
    return new InMemoryReferralStore();
  }
}
