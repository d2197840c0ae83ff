package io.github.scrm.core.referral.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.InfluenceSink;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class InfluenceRankingTest {
  private static final CustomerId KOC = CustomerId.of("koc");
  private static final CustomerId MID = CustomerId.of("mid");
  private static final CustomerId LEAF = CustomerId.of("leaf");

  private static CustomerId c(String id) {
    return CustomerId.of(id);
  }

  /** koc referred mid and three friends; mid brought leaf, who bought for 300. */
  private static InfluenceGraph smallCommunity() {
    return InfluenceGraph.builder()
        .customer(KOC, "store-sh-01").customer(MID, "store-sh-01").customer(c("other"), "store-bj-02")
        .referral(KOC, MID).referral(KOC, c("f1")).referral(KOC, c("f2")).referral(KOC, c("f3"))
        .edge(MID, LEAF, EdgeKind.SHARE_PURCHASE, Money.fen(300_00), "spring")
        .edge(c("other"), c("f9"), EdgeKind.SHARE_FOLLOW)
        .build();
  }

  @Test
  void explain_givesDirectDownstreamAndGmvWithDecay() {
    InfluenceRanking ranking = smallCommunity().rank(InfluenceSettings.defaults());

    InfluenceExplanation koc = ranking.explain(KOC).orElseThrow();

    assertThat(koc.directReferrals()).isEqualTo(4);
    // 4 direct conversions + 0.5 * mid's one
    assertThat(koc.downstreamConversions()).isEqualTo(4.5);
    // 300.00 one hop further: halved
    assertThat(koc.downstreamGmv()).isEqualTo(Money.fen(150_00));
    assertThat(ranking.explain(MID).orElseThrow().downstreamGmv()).isEqualTo(Money.fen(300_00));
    assertThat(koc.score()).isEqualTo(ranking.score(KOC).orElseThrow());
    assertThat(koc.normalised()).hasSize(4);
    assertThat(ranking.explain(c("nobody"))).isEmpty();
  }

  @Test
  void topN_ranksTheCommunityBuilderFirst() {
    InfluenceRanking ranking = smallCommunity().rank(InfluenceSettings.defaults());

    assertThat(ranking.topN(2)).extracting(RankedCustomer::rank, RankedCustomer::customer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, KOC), org.assertj.core.groups.Tuple.tuple(2, MID));
    assertThat(ranking.topN(1).get(0).score()).isLessThanOrEqualTo(new BigDecimal("100.00"))
        .isGreaterThan(BigDecimal.ZERO);
  }

  @Test
  void topN_byStoreAndByCampaign() {
    InfluenceRanking ranking = smallCommunity().rank(InfluenceSettings.defaults());

    assertThat(ranking.topN(5, InfluenceScope.store("store-bj-02"))).extracting(RankedCustomer::customer)
        .containsExactly(c("other"));
    assertThat(ranking.topN(5, InfluenceScope.campaign("spring"))).extracting(RankedCustomer::customer)
        .containsExactly(MID);
    assertThat(ranking.topN(5, InfluenceScope.store("unknown"))).isEmpty();
  }

  @Test
  void pageRank_creditsWhoInfluencedTheInfluential() {
    // a referred b; b and c each referred three people: a gets credit through b
    InfluenceGraph.Builder b = InfluenceGraph.builder().referral(c("a"), c("b"));
    for (int i = 0; i < 3; i++) {
      b.referral(c("b"), c("b" + i)).referral(c("c"), c("c" + i));
    }
    InfluenceRanking ranking = b.build().rank(InfluenceSettings.defaults());

    assertThat(ranking.explain(c("a")).orElseThrow().pageRank())
        .isGreaterThan(ranking.explain(c("c")).orElseThrow().pageRank());
    assertThat(ranking.explain(c("c")).orElseThrow().pageRank())
        .isGreaterThan(ranking.explain(c("b0")).orElseThrow().pageRank());
    assertThat(ranking.explain(c("b0")).orElseThrow().normalised()[3]).isZero();
  }

  @Test
  void publish_writesEveryScoreToTheSink() {
    InfluenceRanking ranking = smallCommunity().rank(InfluenceSettings.defaults());
    InfluenceSink.RecordingInfluenceSink sink = InfluenceSink.recording();

    ranking.publish(sink);

    assertThat(sink.scores()).hasSize(ranking.size()).containsEntry(KOC, ranking.score(KOC).orElseThrow());
    assertThat(sink.scores().values()).allSatisfy(s -> assertThat(s).isBetween(BigDecimal.ZERO,
        new BigDecimal("100.00")));
  }

  @Test
  void selfLoops_areIgnored_andEmptyGraphsRank() {
    InfluenceGraph g = InfluenceGraph.builder().referral(KOC, KOC).build();

    assertThat(g.edgeCount()).isZero();
    assertThat(g.rank(InfluenceSettings.defaults()).score(KOC)).contains(new BigDecimal("0.00"));
    assertThat(InfluenceGraph.builder().build().rank(InfluenceSettings.defaults()).topN(3)).isEmpty();
  }

  @Test
  void badSettingsAndGmv_areRefusedNamingTheValue() {
    assertThatThrownBy(() -> new InfluenceSettings(0, 5000, 8500, 20, 1, 1, 1, 1))
        .hasMessage("hops must be 1 to 10, but was 0");
    assertThatThrownBy(() -> InfluenceGraph.builder().edge(KOC, MID, EdgeKind.SHARE_PURCHASE, Money.fen(-1), ""))
        .hasMessageContaining("non-negative amount in CNY, but was -0.01 CNY");
  }
}
