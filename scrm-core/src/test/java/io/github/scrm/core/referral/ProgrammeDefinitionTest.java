package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.START;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.money.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class ProgrammeDefinitionTest {
  private final ReferralFixtures f = new ReferralFixtures();

  @Test
  void define_impossibleValues_areRefusedListingEveryProblem() {
    Definition d = f.referrals.define(aProgramme().withEndsAt(START.minus(Duration.ofDays(1)))
        .withReferrerReward(RewardSpec.of("coupon", Money.fen(-5_00))).withBudget(Money.fen(-1)).withCapPerReferrer(0)
        .withReviewPeriod(Duration.ofDays(-1)));

    assertThat(d).isInstanceOf(Definition.Refused.class);
    assertThat(((Definition.Refused) d).problems()).hasSize(5).anySatisfy(p -> assertThat(p).contains("endsAt"))
        .anySatisfy(p -> assertThat(p).contains("referrerReward.value must not be negative, but was -5.00 CNY"))
        .anySatisfy(p -> assertThat(p).contains("budget must not be negative"))
        .anySatisfy(p -> assertThat(p).contains("capPerReferrer must be at least 1, but was 0"))
        .anySatisfy(p -> assertThat(p).contains("reviewPeriod"));
    assertThat(f.referrals.stats(ReferralFixtures.PROGRAMME)).isEmpty();
  }

  @Test
  void define_idAndRewardKeyAtTheirLimits_isAccepted() {
    Definition d = f.referrals.define(aProgramme().withId("p".repeat(MaxLengths.PROGRAMME_ID))
        .withReferrerReward(RewardSpec.of("k".repeat(MaxLengths.REWARD_KEY), Money.fen(20_00))));

    assertThat(d).isInstanceOf(Definition.Accepted.class);
  }

  @Test
  void define_idAndRewardKeyOneOverTheirLimits_areRefusedWithBothLengths() {
    Definition d = f.referrals.define(aProgramme().withId("p".repeat(201))
        .withReferrerReward(RewardSpec.of("k".repeat(201), Money.fen(20_00))));

    assertThat(((Definition.Refused) d).problems()).containsExactly(
        "id must have at most 200 characters, but had 201",
        "referrerReward.rewardKey must have at most 200 characters, but had 201");
  }

  @Test
  void define_rewardsForIndirectReferrals_areRefusedCitingTheLaw() {
    Definition d = f.referrals.define(aProgramme().withRewardLevels(2)
        .withIndirectReward(RewardSpec.of("coupon-5", Money.fen(5_00))));

    assertThat(d).isInstanceOf(Definition.Refused.class);
    assertThat(((Definition.Refused) d).problems()).singleElement().satisfies(p -> assertThat(p)
        .contains("团队计酬").contains("禁止传销条例").contains("art. 7").contains("three levels"));
  }

  @Test
  void define_entryFeeWithPerRecruitReward_isRefusedAsEntryFeeAndHeadcount() {
    Definition d = f.referrals.define(aProgramme().withEntryFee(Money.fen(99_00)));

    assertThat(((Definition.Refused) d).problems()).singleElement()
        .satisfies(p -> assertThat(p).contains("入门费").contains("拉人头").contains("99.00 CNY"));
  }

  @Test
  void define_entryFeeWithoutRecruitReward_isAccepted() {
    Definition d = f.referrals.define(aProgramme().withEntryFee(Money.fen(99_00))
        .withReferrerReward(RewardSpec.of("badge", Money.fen(0))));

    assertThat(d).isInstanceOf(Definition.Accepted.class);
  }

  @Test
  void define_withLegalOverride_isAcceptedAndTheOverrideIsRecorded() {
    LegalOverride override = new LegalOverride("legal@retailer", "opinion 2026-17: points only, no cash value");
    Definition d = f.referrals.define(aProgramme().withRewardLevels(2)
        .withIndirectReward(RewardSpec.of("points-5", Money.fen(5_00))).withLegalOverride(override));

    assertThat(d).isInstanceOfSatisfying(Definition.Accepted.class, a -> {
      assertThat(a.override()).contains(override);
      assertThat(a.overridden()).singleElement().satisfies(p -> assertThat(p).contains("团队计酬"));
      assertThat(a.definedAt()).isEqualTo(START);
    });
  }

  @Test
  void define_sameIdTwice_isRefused() {
    f.define(aProgramme());

    Definition again = f.referrals.define(aProgramme());

    assertThat(((Definition.Refused) again).problems()).containsExactly("id 'spring-friends' is already defined");
  }

  @Test
  void build_withoutDirectory_namesTheFix() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Referrals.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("directory is required: pass the profile module's PersonDirectory");
  }
}
