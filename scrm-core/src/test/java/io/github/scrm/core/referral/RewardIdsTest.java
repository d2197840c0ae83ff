package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.START;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.influence.InfluenceGraph;
import io.github.scrm.core.referral.influence.InfluenceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RewardIdsTest {
  private static final CustomerId BEA = CustomerId.of("bea");
  private static final CustomerId CID = CustomerId.of("cid");
  private static final String ALPHABET = "a|\\:L2";

  private final ReferralFixtures f = new ReferralFixtures();

  @Test
  void of_escapesBarsAndBackslashes_andKeepsPlainIdsAsTheyWere() {
    assertThat(RewardIds.of("spring", "bob", "order:o-1", 1)).isEqualTo("spring|bob|order:o-1");
    assertThat(RewardIds.of("spring", "bob", "order:o-1", 2)).isEqualTo("spring|bob|order:o-1|L2");
    assertThat(RewardIds.of("a|b", "c\\d", "order:x|L2", 1)).isEqualTo("a\\|b|c\\\\d|order:x\\|L2");
    assertThatThrownBy(() -> RewardIds.of("spring", "bob", "registration", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be at least 1, but was 0");
  }

  @Test
  void of_neverGivesTwoRewardsOneId() {
    // every id decodes back to its components: different components, different ids
    qt().withExamples(2_000).forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 8),
        lists().of(integers().between(0, 5)).ofSizeBetween(0, 8),
        lists().of(integers().between(0, 5)).ofSizeBetween(0, 8), integers().between(1, 4))
        .checkAssert((p, s, t, level) -> {
          String id = RewardIds.of(text(p), text(s), text(t), level);
          assertThat(decode(id)).containsExactlyElementsOf(level == 1 ? List.of(text(p), text(s), text(t))
              : List.of(text(p), text(s), text(t), "L" + level));
        });
  }

  @Test
  void ordersWhoseIdsLookLikeAnotherOrdersUpperLevel_earnDistinctRewardsAtEveryLevel() {
    chainAliceBeaCid();

    for (String order : List.of("X", "X:L2", "X|L2", "X\\")) {
      f.referrals.purchase(new Purchase(CID, order, Money.fen(50_00), Set.of(), f.clock.instant()));
    }

    List<Reward> cids = f.referrals.rewards(PROGRAMME).stream()
        .filter(r -> r.referee().equals(Optional.of(CID))).toList();
    assertThat(cids).extracting(r -> r.orderId().orElseThrow(), Reward::level, Reward::beneficiary)
        .containsExactlyInAnyOrder(
            tuple("X", 1, BEA), tuple("X", 2, ALICE),
            tuple("X:L2", 1, BEA), tuple("X:L2", 2, ALICE),
            tuple("X|L2", 1, BEA), tuple("X|L2", 2, ALICE),
            tuple("X\\", 1, BEA), tuple("X\\", 2, ALICE));
    assertThat(cids).extracting(Reward::rewardId).doesNotHaveDuplicates();
    assertThat(cids).allSatisfy(r -> assertThat(r.trigger()).isEqualTo("order:" + r.orderId().orElseThrow()));
  }

  @Test
  void refund_ofAnOrderWhoseIdLooksLikeAnUpperLevel_reversesThatOrdersRewardsOnly() {
    chainAliceBeaCid();
    f.referrals.purchase(new Purchase(CID, "X", Money.fen(50_00), Set.of(), f.clock.instant()));
    f.referrals.purchase(new Purchase(CID, "X:L2", Money.fen(50_00), Set.of(), f.clock.instant()));
    f.clock.advance(Duration.ofDays(1));

    List<ReferralOutcome> refunded = f.referrals.refund(new Refund(CID, "X:L2", f.clock.instant()));

    assertThat(refunded).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(ReferralOutcome.Reversed.class));
    assertThat(f.referrals.rewards(PROGRAMME)).filteredOn(r -> r.referee().equals(Optional.of(CID)))
        .extracting(r -> r.orderId().orElseThrow(), Reward::level, Reward::state).containsExactlyInAnyOrder(
            tuple("X", 1, RewardState.PENDING), tuple("X", 2, RewardState.PENDING),
            tuple("X:L2", 1, RewardState.CANCELLED), tuple("X:L2", 2, RewardState.CANCELLED));
  }

  @Test
  void refund_findsAnUpperLevelRewardStoredUnderTheIdItHadBeforeLevelsWereExplicit() {
    // as a store holds it from before: level in the trigger and the id, nothing escaped
    f.existingCustomer(ALICE);
    f.directory.add(BEA, START, ReferralFixtures.openid("o-bea"));
    f.directory.add(CID, START, ReferralFixtures.openid("o-cid"));
    f.store.attribute(new Attribution(PROGRAMME, BEA, ALICE, true, START, START));
    f.store.attribute(new Attribution(PROGRAMME, CID, BEA, true, START, START));
    Reward legacy = ImmutableReward.builder().rewardId(PROGRAMME + "|cid|order:X:L2").programme(PROGRAMME)
        .beneficiary(ALICE).referee(CID).trigger("order:X:L2").orderId("X").rewardKey("points-5")
        .value(Money.fen(5_00)).state(RewardState.PENDING).qualifiedAt(START).payableAt(START.plus(Duration.ofDays(7)))
        .build();
    f.store.insert(legacy);
    twoLevelProgramme();

    List<ReferralOutcome> refunded = f.referrals.refund(new Refund(CID, "X", START.plus(Duration.ofDays(1))));

    assertThat(refunded).singleElement().isInstanceOfSatisfying(ReferralOutcome.Reversed.class,
        r -> assertThat(r.reward().rewardId()).isEqualTo(legacy.rewardId()));
    assertThat(f.store.find(legacy.rewardId())).get().extracting(Reward::state).isEqualTo(RewardState.CANCELLED);
  }

  @Test
  void addQualifiedReferrals_countsADirectRewardWhoseOrderIdLooksLikeALevel() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withTrigger(Trigger.everyPurchaseWithin(30)));
    f.referNewcomer(ALICE, CID);
    f.referrals.purchase(new Purchase(CID, "gift:L2", Money.fen(50_00), Set.of(), f.clock.instant()));
    InfluenceGraph.Builder graph = InfluenceGraph.builder();

    f.referrals.addQualifiedReferrals(PROGRAMME, graph);

    assertThat(graph.build().rank(InfluenceSettings.defaults()).explain(ALICE).orElseThrow().directReferrals())
        .isEqualTo(1L);
  }

  @Test
  void addQualifiedReferrals_leavesUpperLevelsOut() {
    chainAliceBeaCid();
    f.referrals.purchase(new Purchase(CID, "X", Money.fen(50_00), Set.of(), f.clock.instant()));
    InfluenceGraph.Builder graph = InfluenceGraph.builder();

    f.referrals.addQualifiedReferrals(PROGRAMME, graph);

    var ranking = graph.build().rank(InfluenceSettings.defaults());
    assertThat(ranking.explain(BEA).orElseThrow().directReferrals()).isEqualTo(1L);
    assertThat(ranking.explain(ALICE).map(e -> e.directReferrals()).orElse(0L)).isZero();
  }

  @Test
  void reward_withALevelBelowOne_isRefusedNamingTheLevel() {
    assertThatThrownBy(() -> ImmutableReward.builder().rewardId("p|c|registration").programme("p")
        .beneficiary(ALICE).trigger("registration").rewardKey("k").value(Money.fen(1)).state(RewardState.PENDING)
        .qualifiedAt(START).payableAt(START).level(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level must be at least 1, but was 0");
  }

  /** Alice referred Bea, Bea referred Cid, in a programme paying every order and one level up. */
  private void chainAliceBeaCid() {
    f.existingCustomer(ALICE);
    twoLevelProgramme();
    f.referNewcomer(ALICE, BEA);
    f.referNewcomer(BEA, CID);
  }

  private void twoLevelProgramme() {
    f.define(aProgramme().withTrigger(Trigger.everyPurchaseWithin(30)).withRewardLevels(2)
        .withIndirectReward(RewardSpec.of("points-5", Money.fen(5_00)))
        .withLegalOverride(new LegalOverride("legal@retailer", "points only, reviewed 2026-02")));
  }

  private static String text(List<Integer> symbols) {
    StringBuilder s = new StringBuilder();
    symbols.forEach(i -> s.append(ALPHABET.charAt(i)));
    return s.toString();
  }

  private static List<String> decode(String id) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '\\') {
        part.append(id.charAt(++i));
      } else if (c == '|') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }
}
