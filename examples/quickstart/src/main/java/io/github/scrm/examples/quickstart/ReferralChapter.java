package io.github.scrm.examples.quickstart;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.profile.ProfilePorts;
import io.github.scrm.core.spi.InfluenceSink;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.Definition;
import io.github.scrm.core.referral.ImmutableCampaignSpec;
import io.github.scrm.core.referral.LadderStep;
import io.github.scrm.core.referral.PosterProgress;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.ReferralOutcome;
import io.github.scrm.core.referral.Referrals;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.RewardSpec;
import io.github.scrm.core.referral.Support;
import io.github.scrm.core.referral.influence.EdgeKind;
import io.github.scrm.core.referral.influence.InfluenceExplanation;
import io.github.scrm.core.referral.influence.InfluenceGraph;
import io.github.scrm.core.referral.influence.InfluenceRanking;
import io.github.scrm.core.referral.influence.InfluenceSettings;
import io.github.scrm.core.referral.influence.RankedCustomer;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.segmentation.CompiledRuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Section 5: a poster campaign (好友助力) with a fraud flag, and the key opinion customers of the season. */
final class ReferralChapter {

  private static final String CAMPAIGN = "autumn-knit-poster";

  private final Story story;
  private final Referrals referrals;

  ReferralChapter(Story story, RewardIssuer issuer) {
    this.story = story;
    this.referrals = Referrals.builder().time(story.time).ids(IdSource.sequential("ref", Story.SEED))
        .directory(ProfilePorts.personDirectory(story.scrm)).issuer(issuer).build();
  }

  void tell(CompiledRuleSet rules) {
    story.heading("5. A referral poster campaign and the key opinion customers");
    Instant now = Story.NOW;
    Definition defined = referrals.campaigns().define(ImmutableCampaignSpec.builder().id(CAMPAIGN)
        .name("Autumn knit: 3 friends ¥10, 6 friends ¥30").startsAt(now.minus(Duration.ofDays(2)))
        .deadline(now.plus(Duration.ofDays(5))).budget(Money.fen(20_000_00))
        .addLadder(LadderStep.of(3, RewardSpec.of(CouponChapter.POSTER_10, Money.fen(10_00))),
            LadderStep.of(6, RewardSpec.of(CouponChapter.POSTER_30, Money.fen(30_00)))).build());
    if (!(defined instanceof Definition.Accepted)) {
      throw new IllegalStateException("the poster campaign must be accepted: " + defined);
    }
    ReferralCode poster = ((ReferralOutcome.CodeIssued) referrals.campaigns().poster(CAMPAIGN, story.mei))
        .assignment().code();
    story.out.println("Mei shares her poster " + poster.qrState().substring(0, 8) + "**** in WeChat Moments.");

    // three friends who are already customers support from their own phones
    int friends = 0;
    for (int i = 0; i < story.world.people.size() && friends < 3; i++) {
      World.Person p = story.world.people.get(i);
      if (p.unionid() != null && i % 7 == 3) {
        friends++;
        support(poster, Set.of(p.unionid()), "dev-friend-" + i, "friend " + story.customers.get(i));
      }
    }
    // Mei tries to support her own poster from her Douyin account: she shares an identifier with herself
    support(poster, Set.of(story.meiDouyin), "dev-mei", "Mei herself (Douyin)");
    // three "friends" nobody knows, all on one phone
    for (int s = 1; s <= 3; s++) {
      Identifier openid = Identifier.scoped(IdentifierType.WECHAT_OPENID, World.WECHAT_APP, "o-farm-" + s);
      support(poster, Set.of(openid), "dev-farm-01", "new visitor " + s + " (device dev-farm-01)");
    }
    PosterProgress progress = referrals.campaigns().progress(poster).orElseThrow();
    story.out.println("Poster progress: " + progress.supporters() + " supporters, rungs reached "
        + progress.reached() + ", flags " + progress.flags());
    for (Reward reward : referrals.rewards(CAMPAIGN)) {
      story.out.println("  reward " + reward.trigger() + " " + reward.value() + " -> " + reward.state()
          + reward.reference().map(r -> " (coupon issued)").orElse(""));
    }
    referrals.reviews().pending().forEach(item -> story.out.println("  in review: " + item.reward().trigger()
        + ", fraud flag " + item.flags().get(0) + ", decide by "
        + java.time.LocalDateTime.ofInstant(item.deadline(), Story.SHANGHAI)));

    koc(rules);
  }

  private void support(ReferralCode poster, Set<Identifier> ids, String device, String who) {
    ReferralOutcome outcome = referrals.campaigns().support(new Support(poster, ids, Optional.of(device),
        Optional.empty(), Story.NOW));
    String shown;
    if (outcome instanceof ReferralOutcome.Supported s) {
      shown = "supported (" + s.progress().supporters() + " so far)";
    } else if (outcome instanceof ReferralOutcome.Rejected r) {
      shown = "rejected " + r.reason() + ": " + r.detail();
    } else {
      shown = outcome.toString();
    }
    story.out.println("  " + who + ": " + shown);
  }

  private void koc(CompiledRuleSet rules) {
    InfluenceGraph.Builder graph = InfluenceGraph.builder();
    for (int i = 0; i < story.world.people.size(); i++) {
      graph.customer(story.customers.get(i), story.world.people.get(i).store());
    }
    for (World.Influence edge : story.world.influence) {
      CustomerId from = story.customers.get(edge.from() - 1);
      CustomerId to = story.customers.get(edge.to() - 1);
      if (edge.referral()) {
        graph.referral(from, to);
      } else {
        graph.edge(from, to, EdgeKind.SHARE_PURCHASE, Money.fen(edge.gmvFen()), "autumn");
      }
    }
    InfluenceRanking ranking = graph.build().rank(InfluenceSettings.defaults());
    Scrm scrm = story.scrm;
    long[] published = new long[1];
    InfluenceSink sink = ProfilePorts.influenceSink(scrm);
    ranking.publish((customer, score) -> {
      sink.accept(customer, score);
      published[0]++;
    });
    story.out.println("Influence ranking over " + ranking.size() + " customers (referrals and shares that led to"
        + " purchases); " + published[0] + " scores written to social.influence. Top 5 key opinion customers:");
    for (RankedCustomer top : ranking.topN(5)) {
      InfluenceExplanation why = ranking.explain(top.customer()).orElseThrow();
      var v = scrm.profile(top.customer()).orElseThrow().attributesAt(Story.NOW, Story.SHANGHAI);
      story.out.println(String.format("  KOC #%d %s score %s: %d referrals, downstream %.1f conversions, GMV %s,"
          + " %d followers", top.rank(), top.customer(), top.score(), why.directReferrals(),
          why.downstreamConversions(), why.downstreamGmv(), v.get(StandardAttributes.FOLLOWERS)));
    }
    long tagged = story.customers.stream().filter(c -> rules.evaluate(
        scrm.profile(c).orElseThrow().attributesAt(Story.NOW, Story.SHANGHAI), Story.NOW)
        .has("key_opinion_customer")).count();
    story.out.println("The key_opinion_customer tag (social.influence >= 70, or many followers and comments) now"
        + " holds " + tagged + " customers.");
  }
}
