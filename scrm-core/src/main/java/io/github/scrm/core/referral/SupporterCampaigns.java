package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.referral.ReferralOutcome.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Supporter campaigns (好友助力 / 任务宝): define a campaign, hand out posters, count supports per natural person,
 * pay ladder rewards, answer progress queries. Obtained from {@link Referrals#campaigns()}. Thread-safe; the events of
 * one campaign are applied one at a time.
 */
public final class SupporterCampaigns {
  private final Context ctx;
  private final Map<String, CampaignRun> runs = new ConcurrentHashMap<>();

  SupporterCampaigns(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Defines a campaign, or refuses it listing every problem. Ids are shared with referral programmes. Supports the
   * store already holds for this id (from before a restart) are counted again, so progress carries on.
   */
  public Definition define(CampaignSpec spec) {
    List<String> problems = new java.util.ArrayList<>(DefinitionRules.problems(spec));
    synchronized (runs) {
      if (runs.containsKey(spec.id()) || ctx.ledger().account(spec.id()).isPresent()) {
        problems.add("id '" + spec.id() + "' is already defined");
      }
      if (!problems.isEmpty()) {
        return new Definition.Refused(problems);
      }
      RewardLedger.Account account = ctx.ledger().open(spec.id(), spec.budget(), Integer.MAX_VALUE,
          spec.lapsePolicy());
      CampaignRun run = new CampaignRun(spec, account, ctx);
      synchronized (account.lock) {
        run.restore();
      }
      runs.put(spec.id(), run);
    }
    return new Definition.Accepted(spec.id(), ctx.time().now(), Optional.empty(), List.of());
  }

  /** Hands {@code owner} their poster in {@code campaign} (the same poster when asked again). */
  public ReferralOutcome poster(String campaign, CustomerId owner) {
    CampaignRun run = runs.get(campaign);
    if (run == null) {
      return new ReferralOutcome.Rejected(Reason.UNKNOWN_PROGRAMME, "no supporter campaign '" + campaign + "'");
    }
    if (!run.running(ctx.time().now())) {
      return new ReferralOutcome.Rejected(Reason.NOT_RUNNING, "campaign " + campaign + " runs from "
          + run.spec.startsAt() + " to " + run.spec.deadline());
    }
    if (ctx.directory().firstSeen(owner).isEmpty()) {
      return new ReferralOutcome.Rejected(Reason.UNKNOWN_CUSTOMER, "customer " + owner + " is unknown");
    }
    if (ctx.directory().isErased(owner)) {
      return Referrals.erased(owner);
    }
    CodeAssignment assignment = Codes.assign(ctx, campaign, owner);
    synchronized (run.account.lock) {
      run.adopt(assignment);
    }
    return new ReferralOutcome.CodeIssued(assignment);
  }

  /** Counts a support, or says why it does not count; may pay ladder rewards. */
  public ReferralOutcome support(Support support) {
    Optional<CodeAssignment> owner = ctx.store().codeOwner(support.poster());
    CampaignRun run = owner.map(o -> runs.get(o.programme())).orElse(null);
    if (run == null) {
      return new ReferralOutcome.Rejected(Reason.UNKNOWN_CODE, "no poster has code " + support.poster());
    }
    if (ctx.directory().isErased(owner.get().owner())) {
      return Referrals.erased(owner.get().owner());
    }
    synchronized (run.account.lock) {
      run.adopt(owner.get());
      return run.support(support);
    }
  }

  /**
   * Forgets, in every campaign, which identifiers named {@code person}, and renames what was counted under that name
   * to {@code anonymousName} (PIPL erasure; see {@link io.github.scrm.core.spi.ReferralStore#redactSupports}); the
   * devices and networks of {@code supports}, the person's supports as stored before the erasure, stop counting
   * towards their posters' clusters, as the store no longer holds them.
   */
  void forget(String person, String anonymousName, List<SupportRecord> supports) {
    for (CampaignRun run : runs.values()) {
      synchronized (run.account.lock) {
        run.forget(person, anonymousName, supports);
      }
    }
  }

  /** The progress of the poster with {@code code}, for its owner. */
  public Optional<PosterProgress> progress(ReferralCode code) {
    Optional<CodeAssignment> owner = ctx.store().codeOwner(code);
    CampaignRun run = owner.map(o -> runs.get(o.programme())).orElse(null);
    if (run == null) {
      return Optional.empty();
    }
    synchronized (run.account.lock) {
      run.adopt(owner.get());
      return run.progress(code);
    }
  }
}
