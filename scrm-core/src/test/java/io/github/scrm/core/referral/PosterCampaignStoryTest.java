package io.github.scrm.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.influence.InfluenceGraph;
import io.github.scrm.core.referral.influence.InfluenceSettings;
import io.github.scrm.core.referral.influence.RankedCustomer;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.InfluenceSink;
import io.github.scrm.core.spi.PersonDirectory;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The story docs/referrals.md tells: a poster campaign, a fraud flag, and a top-5 list of key opinion customers. */
final class PosterCampaignStoryTest {

  @Test
  void posterCampaign_withAFraudFlag_andATopFiveKocList() {
    Instant now = Instant.parse("2026-03-08T02:00:00Z");
    PersonDirectory.InMemoryPersonDirectory people = PersonDirectory.inMemory()
        .add(CustomerId.of("mei"), now.minus(Duration.ofDays(90)), wx("o-mei"));
    Referrals referrals = Referrals.builder().time(BusinessTime.of(Clock.fixed(now, ZoneOffset.UTC)))
        .ids(IdSource.sequential("demo", 1)).directory(people).build();

    // 1. A 好友助力 campaign: 3 friends earn ¥10, 6 earn ¥30.
    referrals.campaigns().define(ImmutableCampaignSpec.builder().id("womens-day").name("Women's day tumbler")
        .startsAt(now).deadline(now.plus(Duration.ofDays(3))).budget(Money.fen(5_000_00))
        .addLadder(LadderStep.of(3, RewardSpec.of("coupon-10", Money.fen(10_00))),
            LadderStep.of(6, RewardSpec.of("coupon-30", Money.fen(30_00)))).build());
    ReferralCode poster = ((ReferralOutcome.CodeIssued) referrals.campaigns()
        .poster("womens-day", CustomerId.of("mei"))).assignment().code();

    // 2. Three friends support from their own phones, then three "friends" from one device.
    for (String friend : List.of("lan", "jing", "hui")) {
      referrals.campaigns().support(new Support(poster, Set.of(wx("o-" + friend)), Optional.of("dev-" + friend),
          Optional.empty(), now));
    }
    for (String sock : List.of("s1", "s2", "s3")) {
      referrals.campaigns().support(new Support(poster, Set.of(wx("o-" + sock)), Optional.of("dev-farm"),
          Optional.empty(), now));
    }

    PosterProgress progress = referrals.campaigns().progress(poster).orElseThrow();
    assertThat(progress.supporters()).isEqualTo(6);
    assertThat(referrals.rewards("womens-day")).extracting(Reward::trigger, Reward::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ladder:3", RewardState.ISSUED),
        org.assertj.core.groups.Tuple.tuple("ladder:6", RewardState.IN_REVIEW));
    assertThat(referrals.reviews().pending()).singleElement()
        .satisfies(item -> assertThat(item.flags().get(0).toString())
            .isEqualTo("DEVICE_CLUSTER: 3 supporters on one device, threshold 3"));

    // 3. Key opinion customers: referrals and shares that led to purchases.
    InfluenceGraph.Builder graph = InfluenceGraph.builder();
    for (int i = 0; i < 8; i++) {
      graph.referral(CustomerId.of("mei"), CustomerId.of("friend-" + i));
    }
    graph.referral(CustomerId.of("lan"), CustomerId.of("friend-0")).referral(CustomerId.of("friend-0"),
        CustomerId.of("friend-of-friend"));
    graph.edge(CustomerId.of("jing"), CustomerId.of("buyer-1"),
        io.github.scrm.core.referral.influence.EdgeKind.SHARE_PURCHASE, Money.fen(899_00), "womens-day");
    graph.edge(CustomerId.of("hui"), CustomerId.of("follower-1"),
        io.github.scrm.core.referral.influence.EdgeKind.SHARE_FOLLOW);
    var ranking = graph.build().rank(InfluenceSettings.defaults());
    InfluenceSink.RecordingInfluenceSink profiles = InfluenceSink.recording();
    ranking.publish(profiles);

    List<RankedCustomer> top5 = ranking.topN(5);
    assertThat(top5).hasSize(5);
    assertThat(top5.get(0).customer()).isEqualTo(CustomerId.of("mei"));
    assertThat(profiles.scores()).containsEntry(CustomerId.of("mei"), top5.get(0).score());
  }

  private static Identifier wx(String openid) {
    return Identifier.scoped(IdentifierType.WECHAT_OPENID, "wx-app", openid);
  }
}
