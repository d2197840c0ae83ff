package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.BOB;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static io.github.scrm.core.referral.ReferralFixtures.openid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class AnalyticsTest {
  private final ReferralFixtures f = new ReferralFixtures();

  @Test
  void stats_countTheFunnelCostAndFraudRate() {
    f.existingCustomer(ALICE).existingCustomer(BOB);
    f.define(aProgramme().withReviewPeriod(Duration.ZERO).withMaxQualificationsPerHour(2));
    f.referNewcomer(ALICE, CustomerId.of("n1"));
    f.referNewcomer(ALICE, CustomerId.of("n2"));
    f.referNewcomer(ALICE, CustomerId.of("n3")); // flagged by velocity
    f.referNewcomer(BOB, CustomerId.of("n4"));
    f.referrals.scan(Touch.scan(f.codeOf(BOB), Set.of(openid("lurker")), f.clock.instant())); // never registers
    f.referrals.scan(Touch.scan(f.codeOf(BOB), Set.of(openid("o-bob")), f.clock.instant())); // self: refused

    ReferralStats s = f.referrals.stats(PROGRAMME).orElseThrow();

    assertThat(s.invites()).isEqualTo(2);
    assertThat(s.scans()).isEqualTo(5);
    assertThat(s.qualified()).isEqualTo(4);
    assertThat(s.flagged()).isEqualTo(1);
    assertThat(s.refused()).isEqualTo(1);
    assertThat(s.rewardsIssued()).isEqualTo(3);
    assertThat(s.rewardCost()).isEqualTo(Money.fen(60_00));
    assertThat(s.conversionRate()).isEqualByComparingTo(new BigDecimal("0.8000"));
    assertThat(s.fraudFlagRate()).isEqualByComparingTo(new BigDecimal("0.4000"));
    assertThat(s.leaderboard()).extracting(LeaderboardEntry::customer, LeaderboardEntry::qualified,
        LeaderboardEntry::issued).containsExactly(
            org.assertj.core.groups.Tuple.tuple(ALICE, 3L, 2L),
            org.assertj.core.groups.Tuple.tuple(BOB, 1L, 1L));
  }

  @Test
  void addQualifiedReferrals_feedsTheInfluenceGraph() {
    f.existingCustomer(ALICE).existingCustomer(BOB);
    f.define(aProgramme());
    f.referNewcomer(ALICE, CustomerId.of("n1"));
    f.referNewcomer(ALICE, CustomerId.of("n2"));
    f.referNewcomer(BOB, CustomerId.of("n3"));
    io.github.scrm.core.referral.influence.InfluenceGraph.Builder graph =
        io.github.scrm.core.referral.influence.InfluenceGraph.builder();

    f.referrals.addQualifiedReferrals(PROGRAMME, graph);
    var ranking = graph.build().rank(io.github.scrm.core.referral.influence.InfluenceSettings.defaults());

    assertThat(ranking.explain(ALICE).orElseThrow().directReferrals()).isEqualTo(2);
    assertThat(ranking.topN(1, io.github.scrm.core.referral.influence.InfluenceScope.campaign(PROGRAMME)))
        .extracting(io.github.scrm.core.referral.influence.RankedCustomer::customer).containsExactly(ALICE);
  }

  @Test
  void settle_forgetsTouchesPastTheirWindow() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withAttributionWindow(Duration.ofDays(1)));
    f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(openid("late")), f.clock.instant()));
    f.clock.advance(Duration.ofDays(2));

    f.referrals.settle();
    ReferralOutcome rescan = f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(openid("late")),
        f.clock.instant()));

    assertThat(rescan).isInstanceOf(ReferralOutcome.TouchRecorded.class);
  }

  @Test
  void stats_ofACampaignCountSupports() {
    f.existingCustomer(ALICE);
    f.referrals.campaigns().define(SupporterCampaignTest.aCampaign());
    ReferralCode code = ((ReferralOutcome.CodeIssued) f.referrals.campaigns()
        .poster(SupporterCampaignTest.CAMPAIGN, ALICE)).assignment().code();
    for (int i = 0; i < 4; i++) {
      f.referrals.campaigns().support(Support.of(code, Set.of(openid("s" + i)), f.clock.instant()));
    }

    ReferralStats s = f.referrals.stats(SupporterCampaignTest.CAMPAIGN).orElseThrow();

    assertThat(s.invites()).isEqualTo(1);
    assertThat(s.supports()).isEqualTo(4);
    assertThat(s.qualified()).isEqualTo(1);
    assertThat(s.rewardCost()).isEqualTo(Money.fen(10_00));
    assertThat(s.conversionRate()).isEqualByComparingTo(new BigDecimal("0.2500"));
    assertThat(f.referrals.stats("unknown")).isEmpty();
  }
}
