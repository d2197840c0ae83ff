package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.START;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static io.github.scrm.core.referral.ReferralFixtures.hashed;
import static io.github.scrm.core.referral.ReferralFixtures.openid;
import static io.github.scrm.core.referral.ReferralFixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.RewardOutcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ReferralProperties {

  @Test
  void aRewardIsNeverIssuedTwice() {
    qt().withExamples(100).forAll(lists().of(integers().between(0, 59)).ofSizeBetween(1, 40)).checkAssert(ops -> {
      Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
      ReferralFixtures f = new ReferralFixtures(request -> {
        calls.computeIfAbsent(request.rewardId(), k -> new AtomicInteger()).incrementAndGet();
        return new RewardOutcome.Issued(request.rewardId());
      });
      f.existingCustomer(ALICE);
      f.define(aProgramme().withTrigger(Trigger.everyPurchaseWithin(30)).withReviewPeriod(Duration.ofDays(2)));
      CustomerId carol = CustomerId.of("carol");
      f.referNewcomer(ALICE, carol);
      for (int op : ops) {
        String order = "o-" + (op % 5);
        switch (op / 10) {
          case 0, 1 -> f.referrals.purchase(new Purchase(carol, order, Money.fen(10_00), Set.of(), f.clock.instant()));
          case 2 -> f.referrals.settle();
          case 3 -> f.clock.advance(Duration.ofHours(op % 10 * 12L));
          case 4 -> f.referrals.refund(new Refund(carol, order, f.clock.instant()));
          default -> f.referrals.register(new Registration(carol, Set.of(), f.clock.instant()));
        }
      }
      f.clock.advance(Duration.ofDays(3));
      f.referrals.settle();
      f.referrals.settle();
      assertThat(calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      assertThat(f.referrals.rewards(PROGRAMME)).filteredOn(r -> r.state() == RewardState.ISSUED)
          .hasSizeLessThanOrEqualTo(calls.size());
    });
  }

  private static final IdentifierType[] SHARED = {IdentifierType.PHONE, IdentifierType.WECHAT_UNIONID,
      IdentifierType.DEVICE_ID, IdentifierType.PAYMENT_ACCOUNT, IdentifierType.ADDRESS_HASH};

  @Test
  void aSelfReferralThroughAnySharedIdentifierIsNeverRewarded() {
    // stage 0: the shared identifier is on the scan; 1: on the registration; 2: on the qualifying purchase
    qt().withExamples(60).forAll(integers().between(0, SHARED.length - 1), integers().between(0, 2),
        integers().between(0, 1)).checkAssert((typeIndex, stage, triggerKind) -> {
      ReferralFixtures f = new ReferralFixtures();
      Identifier shared = identifier(SHARED[typeIndex], "alice-" + typeIndex);
      f.existingCustomer(ALICE, shared);
      boolean purchaseTrigger = stage == 2 || triggerKind == 1;
      f.define(aProgramme().withReviewPeriod(Duration.ZERO).withTrigger(
          purchaseTrigger ? Trigger.firstPurchase(Money.fen(1)) : Trigger.registration()));
      CustomerId sock = CustomerId.of("sock");
      Identifier visitor = openid("sock-visitor");
      Set<Identifier> onScan = stage == 0 ? Set.of(visitor, shared) : Set.of(visitor);
      f.referrals.scan(Touch.scan(f.codeOf(ALICE), onScan, f.clock.instant()));
      f.directory.add(sock, f.clock.instant(), visitor);
      f.referrals.register(new Registration(sock, stage == 1 ? Set.of(shared) : Set.of(), f.clock.instant()));
      f.referrals.purchase(new Purchase(sock, "o-1", Money.fen(100_00), stage == 2 ? Set.of(shared) : Set.of(),
          f.clock.instant()));
      f.clock.advance(Duration.ofDays(30));
      f.referrals.settle();

      assertThat(f.issuer.issued()).isEmpty();
      assertThat(f.referrals.rewards(PROGRAMME)).noneMatch(r -> r.state().holdsBudget());
    });
  }

  private static Identifier identifier(IdentifierType type, String value) {
    if (type.personal()) {
      return hashed(type, "h-" + value);
    }
    return type.scoped() ? Identifier.scoped(type, "open-platform", value) : Identifier.of(type, value);
  }

  @Test
  void distinctSupportersAreCountedPerPerson() {
    // persons 0..3 are known customers with two identifiers each; 4..7 are unknown with one openid
    qt().withExamples(100).forAll(lists().of(integers().between(0, 15)).ofSizeBetween(1, 30)).checkAssert(scans -> {
      ReferralFixtures f = new ReferralFixtures();
      f.existingCustomer(ALICE);
      for (int p = 0; p < 4; p++) {
        f.directory.add(CustomerId.of("friend-" + p), START, openid("mini-" + p), unionid("union-" + p));
      }
      f.referrals.campaigns().define(SupporterCampaignTest.aCampaign().withPostersPerSupporter(3));
      ReferralCode code = ((ReferralOutcome.CodeIssued) f.referrals.campaigns()
          .poster(SupporterCampaignTest.CAMPAIGN, ALICE)).assignment().code();
      Set<Integer> persons = new HashSet<>();
      for (int scan : scans) {
        int person = scan % 8;
        Identifier id = person < 4 ? (scan < 8 ? openid("mini-" + person) : unionid("union-" + person))
            : openid("stranger-" + person);
        f.referrals.campaigns().support(Support.of(code, Set.of(id), f.clock.instant()));
        persons.add(person);
      }

      assertThat(f.referrals.campaigns().progress(code).orElseThrow().supporters()).isEqualTo(persons.size());
    });
  }

  @Test
  void clawbackAfterRefundRestoresTheBudget() {
    qt().withExamples(50).forAll(integers().between(1, 5), lists().of(integers().between(0, 1)).ofSize(5))
        .checkAssert((referred, refundedFlags) -> {
          ReferralFixtures f = new ReferralFixtures();
          f.existingCustomer(ALICE);
          f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(1))).withReviewPeriod(Duration.ofDays(1))
              .withBudget(Money.fen(5 * 20_00)).withMaxQualificationsPerHour(100));
          int refunded = 0;
          for (int i = 0; i < referred; i++) {
            CustomerId n = CustomerId.of("n" + i);
            f.referNewcomer(ALICE, n);
            f.referrals.purchase(new Purchase(n, "o-" + i, Money.fen(50_00), Set.of(), f.clock.instant()));
          }
          f.referrals.settle();
          f.clock.advance(Duration.ofDays(1));
          f.referrals.settle(); // all issued now
          for (int i = 0; i < referred; i++) {
            if (refundedFlags.get(i) == 1) {
              CustomerId n = CustomerId.of("n" + i);
              Reward r = f.referrals.rewards(PROGRAMME).stream().filter(w -> w.referee().orElseThrow().equals(n))
                  .findFirst().orElseThrow();
              assertThat(f.referrals.refund(new Refund(n, "o-" + i, r.payableAt()))).singleElement()
                  .isInstanceOfSatisfying(ReferralOutcome.Reversed.class,
                      v -> assertThat(v.reward().state()).isEqualTo(RewardState.CLAWED_BACK));
              refunded++;
            }
          }
          int room = 5 - (referred - refunded);
          int paidAfter = 0;
          for (int i = 0; i < 6; i++) {
            CustomerId n = CustomerId.of("later" + i);
            f.referNewcomer(ALICE, n);
            Reward r = ReferralFixtures.rewardOf(f.referrals.purchase(
                new Purchase(n, "p-" + i, Money.fen(50_00), Set.of(), f.clock.instant())));
            if (r.state() != RewardState.DENIED) {
              paidAfter++;
            }
          }
          assertThat(paidAfter).isEqualTo(room);
        });
  }
}
