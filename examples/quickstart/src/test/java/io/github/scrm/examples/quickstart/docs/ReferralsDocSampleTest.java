package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.Referrals;
import io.github.scrm.core.referral.influence.EdgeKind;
import io.github.scrm.core.referral.influence.InfluenceGraph;
import io.github.scrm.core.referral.influence.InfluenceRanking;
import io.github.scrm.core.referral.influence.InfluenceScope;
import io.github.scrm.core.referral.influence.InfluenceSettings;
import io.github.scrm.core.referral.influence.RankedCustomer;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.InfluenceSink;
import io.github.scrm.core.spi.PersonDirectory;
import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/referrals.md. */
final class ReferralsDocSampleTest {

  private static final Instant NOW = Instant.parse("2026-03-08T02:00:00Z");

  @Test
  void block1_buildsTheEngine() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PersonDirectory personDirectory = PersonDirectory.inMemory().add(CustomerId.of("mei"), NOW);
    RewardIssuer.RecordingRewardIssuer couponRewardIssuer = RewardIssuer.recording();
    ReferralStore referralStore = ReferralStore.inMemory();

    // docs/referrals.md#1:start
    Referrals referrals = Referrals.builder()
        .time(BusinessTime.of(clock))               // required: no code reads the system clock
        .ids(IdSource.secure())                     // required: referral and poster codes come from its random()
        .directory(personDirectory)                 // required: the identity graph's view (see below)
        .issuer(couponRewardIssuer)                 // optional: RewardIssuer.recording() by default
        .store(referralStore)                       // optional: ReferralStore.inMemory() by default
        .build();
    // docs/referrals.md#1:end

    assertThat(referrals.settle()).isEmpty();
    assertThat(couponRewardIssuer.issued()).isEmpty();
  }

  @Test
  void block2_ranksExplainsAndPublishesInfluence() {
    CustomerId mei = CustomerId.of("mei");
    CustomerId lan = CustomerId.of("lan");
    CustomerId jing = CustomerId.of("jing");
    CustomerId buyer = CustomerId.of("buyer");
    CustomerId hui = CustomerId.of("hui");
    CustomerId follower = CustomerId.of("follower");
    InfluenceSink.RecordingInfluenceSink influenceSink = InfluenceSink.recording();

    // docs/referrals.md#2:start
    InfluenceGraph graph = InfluenceGraph.builder()
        .customer(mei, "store-sh-01")                               // store membership for store top-N
        .referral(mei, lan)                                          // a qualified referral
        .edge(jing, buyer, EdgeKind.SHARE_PURCHASE, Money.fen(899_00), "womens-day")  // a share that led to a purchase
        .edge(hui, follower, EdgeKind.SHARE_FOLLOW)
        .build();
    InfluenceRanking ranking = graph.rank(InfluenceSettings.defaults());
    ranking.topN(5);                                    // also topN(5, InfluenceScope.store(..)) / .campaign(..)
    ranking.explain(mei);                               // the inputs behind the score
    ranking.publish(influenceSink);                     // writes social.influence for every customer
    // docs/referrals.md#2:end

    assertThat(ranking.topN(5)).hasSize(5);
    assertThat(ranking.topN(5, InfluenceScope.store("store-sh-01"))).extracting(RankedCustomer::customer)
        .containsExactly(mei);
    assertThat(ranking.topN(5, InfluenceScope.campaign("womens-day"))).extracting(RankedCustomer::customer)
        .contains(jing);
    assertThat(ranking.explain(mei)).hasValueSatisfying(e -> assertThat(e.directReferrals()).isEqualTo(1));
    assertThat(influenceSink.scores()).containsOnlyKeys(mei, lan, jing, buyer, hui, follower);
  }
}
