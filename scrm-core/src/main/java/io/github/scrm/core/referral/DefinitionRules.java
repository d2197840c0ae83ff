package io.github.scrm.core.referral;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every check a programme or campaign definition must pass, and the legal guardrail. Lists every problem. */
final class DefinitionRules {
  private DefinitionRules() {}

  /** The legal explanation shared by both guardrail findings. */
  static final String LAW = "China's 禁止传销条例 (Regulations on Prohibition of Pyramid Selling) art. 7 defines "
      + "pyramid selling as paying for recruits (拉人头), charging an entry fee to join (入门费) and paying on the "
      + "recruits of one's recruits (团队计酬); three levels counting the organiser is the criminal threshold";

  static List<String> problems(ProgrammeSpec s) {
    List<String> p = new ArrayList<>();
    window(p, s.id(), s.name(), s.startsAt(), s.endsAt(), "endsAt");
    reward(p, "referrerReward", s.referrerReward());
    s.indirectReward().ifPresent(r -> reward(p, "indirectReward", r));
    money(p, "budget", s.budget());
    if (!s.budget().currency().equals(s.referrerReward().value().currency())) {
      p.add("budget and referrerReward must have the same currency, but were " + s.budget().currency() + " and "
          + s.referrerReward().value().currency());
    }
    positive(p, "capPerReferrer", s.capPerReferrer());
    positive(p, "maxQualificationsPerHour", s.maxQualificationsPerHour());
    positive(p, "rewardLevels", s.rewardLevels());
    duration(p, "attributionWindow", s.attributionWindow(), false);
    duration(p, "reviewPeriod", s.reviewPeriod(), true);
    duration(p, "reviewDeadline", s.reviewDeadline(), false);
    s.entryFee().ifPresent(f -> money(p, "entryFee", f));
    if (s.trigger() instanceof Trigger.FirstPurchase f) {
      money(p, "firstPurchase minimum", f.minimum());
    }
    if (s.trigger() instanceof Trigger.EveryPurchaseWithin w && w.days() < 1) {
      p.add("everyPurchaseWithin days must be at least 1, but was " + w.days());
    }
    if (s.rewardLevels() > 1 && s.indirectReward().isEmpty()) {
      p.add("rewardLevels " + s.rewardLevels() + " needs an indirectReward for the upper levels");
    }
    return p;
  }

  /** Findings of the legal guardrail; the definition is refused unless a legal override is given. */
  static List<String> legal(ProgrammeSpec s) {
    List<String> p = new ArrayList<>();
    if (s.rewardLevels() > 1) {
      p.add("rewardLevels is " + s.rewardLevels() + ": a referrer would be paid for their referee's referrals "
          + "(A rewarded for C via B), which is 团队计酬; rewards must depend on direct referrals only. " + LAW);
    }
    boolean paysPerRecruit = s.referrerReward().value().isPositive();
    boolean entryFee = s.entryFee().map(Money::isPositive).orElse(false);
    if (entryFee && paysPerRecruit) {
      p.add("entryFee " + s.entryFee().get() + " combined with a per-recruit reward of " + s.referrerReward().value()
          + " makes joining paid and recruiting rewarded, which is 入门费 plus 拉人头. " + LAW);
    }
    return p;
  }

  static List<String> problems(CampaignSpec s) {
    List<String> p = new ArrayList<>();
    window(p, s.id(), s.name(), s.startsAt(), s.deadline(), "deadline");
    money(p, "budget", s.budget());
    if (s.ladder().isEmpty()) {
      p.add("ladder must have at least one step, but was empty");
    }
    int previous = 0;
    for (int i = 0; i < s.ladder().size(); i++) {
      LadderStep step = s.ladder().get(i);
      if (step.supporters() <= previous) {
        p.add("ladder[" + i + "].supporters must be greater than " + previous + ", but was " + step.supporters());
      }
      previous = Math.max(previous, step.supporters());
      reward(p, "ladder[" + i + "].reward", step.reward());
      if (!step.reward().value().currency().equals(s.budget().currency())) {
        p.add("ladder[" + i + "].reward must be in the budget's currency " + s.budget().currency() + ", but was "
            + step.reward().value().currency());
      }
    }
    positive(p, "postersPerSupporter", s.postersPerSupporter());
    if (s.clusterThreshold() < 2) {
      p.add("clusterThreshold must be at least 2, but was " + s.clusterThreshold());
    }
    if (s.serialSupporterThreshold() < 2) {
      p.add("serialSupporterThreshold must be at least 2, but was " + s.serialSupporterThreshold());
    }
    duration(p, "reviewDeadline", s.reviewDeadline(), false);
    return p;
  }

  private static void window(List<String> p, String id, String name, Instant start, Instant end, String endName) {
    if (id.isBlank() || id.contains("|")) {
      p.add("id must be non-blank without '|', but was '" + id + "'");
    }
    if (id.length() > MaxLengths.PROGRAMME_ID) {
      p.add("id must have at most " + MaxLengths.PROGRAMME_ID + " characters, but had " + id.length());
    }
    if (name.isBlank()) {
      p.add("name must not be blank");
    }
    if (!end.isAfter(start)) {
      p.add(endName + " must be after startsAt " + start + ", but was " + end);
    }
  }

  private static void reward(List<String> p, String what, RewardSpec r) {
    if (r.rewardKey().isBlank()) {
      p.add(what + ".rewardKey must not be blank");
    }
    if (r.rewardKey().length() > MaxLengths.REWARD_KEY) {
      p.add(what + ".rewardKey must have at most " + MaxLengths.REWARD_KEY + " characters, but had "
          + r.rewardKey().length());
    }
    money(p, what + ".value", r.value());
  }

  private static void money(List<String> p, String what, Money m) {
    if (m.isNegative()) {
      p.add(what + " must not be negative, but was " + m);
    }
  }

  private static void positive(List<String> p, String what, int value) {
    if (value < 1) {
      p.add(what + " must be at least 1, but was " + value);
    }
  }

  private static void duration(List<String> p, String what, Duration d, boolean zeroAllowed) {
    if (d.isNegative() || (!zeroAllowed && d.isZero())) {
      p.add(what + " must be " + (zeroAllowed ? "zero or positive" : "positive") + ", but was " + d);
    }
  }
}
