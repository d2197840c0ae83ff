package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static io.github.scrm.core.referral.ReferralFixtures.openid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A host restarts its process: a new engine over the same store carries on where the old one stopped. */
final class RestartTest {
  private final ReferralFixtures f = new ReferralFixtures();

  private Referrals restarted() {
    return Referrals.builder().time(BusinessTime.of(f.clock)).ids(IdSource.sequential("r", 9))
        .directory(f.directory).issuer(f.issuer).store(f.store).build();
  }

  @Test
  void programme_afterRestart_keepsCodesBudgetAndPendingRewards() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withBudget(Money.fen(40_00)));
    ReferralCode code = f.codeOf(ALICE);
    f.referNewcomer(ALICE, CustomerId.of("n1"));
    f.referNewcomer(ALICE, CustomerId.of("n2"));

    Referrals again = restarted();
    again.define(aProgramme().withBudget(Money.fen(40_00)));
    again.scan(Touch.scan(code, Set.of(openid("o-n3")), f.clock.instant()));
    f.directory.add(CustomerId.of("n3"), f.clock.instant(), openid("o-n3"));
    Reward overBudget = ReferralFixtures.rewardOf(
        again.register(new Registration(CustomerId.of("n3"), Set.of(), f.clock.instant())));
    f.clock.advance(Duration.ofDays(7));
    again.settle();

    assertThat(((ReferralOutcome.CodeIssued) again.codeFor(PROGRAMME, ALICE)).assignment().code()).isEqualTo(code);
    assertThat(overBudget.state()).isEqualTo(RewardState.DENIED);
    assertThat(f.issuer.issued()).hasSize(2);
    assertThat(again.register(new Registration(CustomerId.of("n1"), Set.of(), f.clock.instant())))
        .allMatch(o -> !(o instanceof ReferralOutcome.Qualified));
  }

  @Test
  void campaign_afterRestart_carriesOnCountingWithoutPayingTwice() {
    f.existingCustomer(ALICE);
    f.referrals.campaigns().define(SupporterCampaignTest.aCampaign());
    ReferralCode poster = ((ReferralOutcome.CodeIssued) f.referrals.campaigns()
        .poster(SupporterCampaignTest.CAMPAIGN, ALICE)).assignment().code();
    for (int i = 1; i <= 4; i++) {
      f.referrals.campaigns().support(Support.of(poster, Set.of(openid("friend-" + i)), f.clock.instant()));
    }

    Referrals again = restarted();
    again.campaigns().define(SupporterCampaignTest.aCampaign());
    ReferralOutcome repeat = again.campaigns().support(Support.of(poster, Set.of(openid("friend-2")),
        f.clock.instant()));
    again.campaigns().support(Support.of(poster, Set.of(openid("friend-5")), f.clock.instant()));
    again.campaigns().support(Support.of(poster, Set.of(openid("friend-6")), f.clock.instant()));

    assertThat(repeat).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(again.campaigns().progress(poster).orElseThrow().supporters()).isEqualTo(6);
    assertThat(again.rewards(SupporterCampaignTest.CAMPAIGN)).extracting(Reward::trigger)
        .containsExactly("ladder:3", "ladder:6");
    assertThat(f.issuer.issued()).hasSize(2);
  }
}
