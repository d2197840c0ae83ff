package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.Attribution;
import io.github.scrm.core.referral.CodeAssignment;
import io.github.scrm.core.referral.FraudFlag;
import io.github.scrm.core.referral.FraudSignal;
import io.github.scrm.core.referral.ImmutableCampaignSpec;
import io.github.scrm.core.referral.ImmutableReward;
import io.github.scrm.core.referral.LadderStep;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.ReferralOutcome;
import io.github.scrm.core.referral.Referrals;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.RewardSpec;
import io.github.scrm.core.referral.RewardState;
import io.github.scrm.core.referral.Support;
import io.github.scrm.core.referral.SupportRecord;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReferralStore} must show. A host's implementation extends this class and returns a fresh,
 * empty store from {@link #newStore()}.
 */
public abstract class ReferralStoreContract {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("alice");
  private static final CustomerId CAROL = CustomerId.of("carol");

  private ReferralStore store;

  /** A fresh, empty store. */
  protected abstract ReferralStore newStore();

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  static Reward reward(String id, String programme) {
    return ImmutableReward.builder().rewardId(id).programme(programme).beneficiary(ALICE).referee(CAROL)
        .trigger("registration").rewardKey("coupon").value(Money.fen(20_00)).state(RewardState.PENDING)
        .qualifiedAt(T).payableAt(T).build();
  }

  @Test
  void insert_isInsertIfAbsent() {
    Reward r = reward("p|carol|registration", "p");

    assertThat(store.insert(r)).isTrue();
    assertThat(store.insert(r.moveTo(RewardState.DENIED, "other"))).isFalse();
    assertThat(store.find(r.rewardId())).contains(r);
    assertThat(store.find("missing")).isEmpty();
  }

  @Test
  void replace_isCompareAndSetOnTheVersion() {
    Reward r = reward("p|carol|registration", "p");
    store.insert(r);
    Reward approved = r.moveTo(RewardState.APPROVED, "due");

    assertThat(store.replace(r, approved)).isTrue();
    assertThat(store.replace(r, r.moveTo(RewardState.DENIED, "stale"))).isFalse();
    assertThat(store.find(r.rewardId())).contains(approved);
    assertThat(store.rewardsOf("p")).containsExactly(approved);
  }

  @Test
  void replace_withAWrongVersion_isAProgrammingError() {
    Reward r = reward("p|carol|registration", "p");
    store.insert(r);

    assertThatThrownBy(() -> store.replace(r, r)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rewardsOf_listsOneProgrammeOrderedById() {
    store.insert(reward("p|b", "p"));
    store.insert(reward("p|a", "p"));
    store.insert(reward("q|a", "q"));

    assertThat(store.rewardsOf("p")).extracting(Reward::rewardId).containsExactly("p|a", "p|b");
    assertThat(store.rewardsOf("none")).isEmpty();
  }

  @Test
  void replace_fromManyThreads_letsExactlyOneWin() throws Exception {
    Reward r = reward("p|carol|registration", "p");
    store.insert(r);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> wins = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      wins.add(pool.submit(() -> {
        go.await();
        return store.replace(r, r.moveTo(RewardState.APPROVED, "thread " + n));
      }));
    }
    go.countDown();
    int won = 0;
    for (Future<Boolean> w : wins) {
      won += w.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(won).isEqualTo(1);
  }

  @Test
  void attribute_keepsTheFirstReferrerPerProgramme() {
    Attribution first = new Attribution("p", CAROL, ALICE, true, T, T);
    Attribution second = new Attribution("p", CAROL, CustomerId.of("bob"), true, T, T);

    assertThat(store.attribute(first)).isTrue();
    assertThat(store.attribute(second)).isFalse();
    assertThat(store.attribute(new Attribution("q", CAROL, CustomerId.of("bob"), false, T, T))).isTrue();
    assertThat(store.attributionOf("p", CAROL)).contains(first);
    assertThat(store.attributionOf("p", ALICE)).isEmpty();
  }

  @Test
  void assignCode_keepsCodesAndOwnersUnique() {
    ReferralCode code = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();
    ReferralCode other = ReferralCode.parse("0123456789ABCDEF").orElseThrow();
    CodeAssignment alices = new CodeAssignment(code, "p", ALICE, T);

    assertThat(store.assignCode(alices)).isTrue();
    assertThat(store.assignCode(new CodeAssignment(code, "p", CAROL, T))).isFalse();
    assertThat(store.assignCode(new CodeAssignment(other, "p", ALICE, T))).isFalse();
    assertThat(store.assignCode(new CodeAssignment(other, "q", ALICE, T))).isTrue();
    assertThat(store.codeOwner(code)).contains(alices);
    assertThat(store.codeOf("p", ALICE)).contains(alices);
    assertThat(store.codeOf("p", CAROL)).isEmpty();
  }

  @Test
  void recordSupport_isUniquePerCampaignPosterAndPerson_andKeepsOrder() {
    ReferralCode poster = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();
    SupportRecord first = new SupportRecord("c", poster, "customer:bob", List.of("WECHAT_OPENID|app|ob"),
        Optional.of("dev-1"), Optional.empty(), T);
    SupportRecord second = new SupportRecord("c", poster, "prospect:x", List.of(), Optional.empty(),
        Optional.of("net-1"), T.plusSeconds(1));

    assertThat(store.recordSupport(first)).isTrue();
    assertThat(store.recordSupport(second)).isTrue();
    assertThat(store.recordSupport(new SupportRecord("c", poster, "customer:bob", List.of(), Optional.empty(),
        Optional.empty(), T.plusSeconds(9)))).isFalse();
    assertThat(store.recordSupport(new SupportRecord("other", poster, "customer:bob", List.of(), Optional.empty(),
        Optional.empty(), T))).isTrue();

    assertThat(store.supportsOf("c")).containsExactly(first, second);
    assertThat(store.supportsOf("none")).isEmpty();
  }

  @Test
  void redactSupports_renamesThePerson_andRemovesWhatIdentifiesThem_andKeepsTheSupportCounted() {
    ReferralCode poster = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();
    SupportRecord bobs = new SupportRecord("c", poster, "customer:bob", List.of("WECHAT_OPENID|app|ob"),
        Optional.of("dev-1"), Optional.of("net-1"), T);
    SupportRecord carols = new SupportRecord("c", poster, "customer:carol", List.of("WECHAT_OPENID|app|oc"),
        Optional.of("dev-2"), Optional.empty(), T.plusSeconds(1));
    store.recordSupport(bobs);
    store.recordSupport(carols);
    store.recordSupport(new SupportRecord("other", poster, "customer:bob", List.of(), Optional.of("dev-1"),
        Optional.empty(), T));

    assertThat(store.redactSupports("customer:bob", "erased:1")).isEqualTo(2);

    assertThat(store.supportsOf("c")).containsExactly(new SupportRecord("c", poster, "erased:1", List.of(),
        Optional.empty(), Optional.empty(), T), carols);
    assertThat(store.supportsOf("other")).containsExactly(new SupportRecord("other", poster, "erased:1",
        List.of(), Optional.empty(), Optional.empty(), T));
    assertThat(store.redactSupports("customer:bob", "erased:2")).isZero();
    assertThat(store.supportsOf("c")).extracting(SupportRecord::person).containsExactly("erased:1", "customer:carol");
  }

  @Test
  void redactSupports_movesTheOneSupportPerPersonKeyToTheAnonymousName() {
    ReferralCode poster = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();
    store.recordSupport(new SupportRecord("c", poster, "prospect:WECHAT_OPENID|app|ob", List.of("WECHAT_OPENID|app|ob"),
        Optional.empty(), Optional.empty(), T));

    store.redactSupports("prospect:WECHAT_OPENID|app|ob", "erased:1");

    assertThat(store.recordSupport(new SupportRecord("c", poster, "erased:1", List.of(), Optional.empty(),
        Optional.empty(), T.plusSeconds(1)))).isFalse();
    assertThat(store.supportsOf("c")).hasSize(1);
  }

  @Test
  void redactSupports_withTheSameOrABlankName_isAProgrammingError() {
    assertThatThrownBy(() -> store.redactSupports("customer:bob", "customer:bob"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.redactSupports("customer:bob", " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void insert_keepsTheLevelAndAnIdWithEscapedSeparators() {
    Reward upper = ImmutableReward.copyOf(reward("p\\|x|carol|order:o\\|L2|L2", "p|x")).withLevel(2)
        .withTrigger("order:o|L2").withOrderId("o|L2");
    assertThat(store.insert(upper)).isTrue();
    Reward moved = upper.moveTo(RewardState.CANCELLED, "refunded");

    assertThat(store.find(upper.rewardId())).contains(upper);
    assertThat(store.replace(upper, moved)).isTrue();
    assertThat(store.rewardsOf("p|x")).containsExactly(moved);
  }

  @Test
  void erasure_redactsTheSupportsACustomerGaveAsAProspect_andNobodyElses() {
    PersonDirectory.InMemoryPersonDirectory directory = PersonDirectory.inMemory();
    directory.add(ALICE, T.minus(Duration.ofDays(30)), openid("o-alice"));
    Referrals referrals = referrals(directory);
    ReferralCode poster = posterOf(referrals, ALICE);
    // as prospects: Bob under his openid; Dan under an openid seen with his unionid; and a stranger
    referrals.campaigns().support(new Support(poster, Set.of(openid("o-bob")), Optional.of("dev-b"),
        Optional.of("net-b"), T));
    referrals.campaigns().support(new Support(poster, Set.of(openid("o-dan"), unionid("u-dan")),
        Optional.of("dev-d"), Optional.empty(), T));
    referrals.campaigns().support(new Support(poster, Set.of(openid("o-stranger")), Optional.of("dev-s"),
        Optional.empty(), T));
    CustomerId bob = CustomerId.of("bob");
    CustomerId dan = CustomerId.of("dan");
    directory.add(bob, T, openid("o-bob"));
    directory.add(dan, T, unionid("u-dan"));
    PersonalDataParticipant participant = referrals.privacyParticipant();

    assertThat(participant.erase(bob)).isEqualTo(1);
    assertThat(participant.erase(dan)).isEqualTo(1);

    assertThat(store.supportsOf("help")).hasSize(3)
        .filteredOn(s -> s.device().isPresent() || !s.identifierKeys().isEmpty() || s.network().isPresent())
        .singleElement().satisfies(s -> {
          assertThat(s.device()).contains("dev-s");
          assertThat(s.identifierKeys()).containsExactly(openid("o-stranger").key());
        });
    assertThat(referrals.campaigns().progress(poster).orElseThrow().supporters()).isEqualTo(3);
    assertThat(participant.erase(bob)).isZero();
  }

  @Test
  void erasure_leavesNoTraceOfTheErasedPersonsNameOrIdentifier_andKeepsEveryPostersCount() {
    PersonDirectory.InMemoryPersonDirectory directory = PersonDirectory.inMemory();
    directory.add(ALICE, T.minus(Duration.ofDays(30)), openid("o-alice"));
    directory.add(CAROL, T.minus(Duration.ofDays(30)), openid("o-carol"));
    Referrals referrals = referrals(directory);
    ReferralCode alices = posterOf(referrals, ALICE);
    ReferralCode carols = posterOf(referrals, CAROL);
    // Bob supports both posters as a prospect, by his openid; Eve both as a customer; a stranger Alice's only
    CustomerId eve = CustomerId.of("eve");
    directory.add(eve, T.minus(Duration.ofDays(30)), openid("o-eve"));
    for (ReferralCode poster : List.of(alices, carols)) {
      referrals.campaigns().support(new Support(poster, Set.of(openid("o-bob")), Optional.of("dev-b"),
          Optional.of("net-b"), T));
      referrals.campaigns().support(new Support(poster, Set.of(openid("o-eve")), Optional.of("dev-e"),
          Optional.empty(), T));
    }
    referrals.campaigns().support(new Support(alices, Set.of(openid("o-stranger")), Optional.of("dev-s"),
        Optional.empty(), T));
    CustomerId bob = CustomerId.of("bob");
    directory.add(bob, T, openid("o-bob"));
    List<SupportRecord> before = store.supportsOf("help");
    String bobsName = "prospect:" + openid("o-bob").key();
    assertThat(before).extracting(SupportRecord::person).contains(bobsName, "customer:eve");
    PersonalDataParticipant participant = referrals.privacyParticipant();

    int erased = participant.erase(bob) + participant.erase(eve);

    List<SupportRecord> after = store.supportsOf("help");
    assertThat(erased).isEqualTo(4);
    assertThat(after).hasSize(5);
    assertThat(held(after)).doesNotContain("o-bob", "o-eve", "dev-b", "net-b", "dev-e", "customer:eve",
        bobsName);
    List<String> anonymous = after.stream().map(SupportRecord::person).filter(p -> p.startsWith("erased:"))
        .distinct().toList();
    assertThat(anonymous).hasSize(2);
    for (String name : anonymous) {
      assertThat(after).filteredOn(s -> s.person().equals(name)).extracting(SupportRecord::poster)
          .containsExactlyInAnyOrder(alices, carols);
    }
    // the stranger's support is untouched; every support keeps its place and time
    assertThat(after).contains(before.stream().filter(s -> s.device().equals(Optional.of("dev-s")))
        .findFirst().orElseThrow());
    assertThat(after).extracting(SupportRecord::poster).containsExactlyElementsOf(
        before.stream().map(SupportRecord::poster).toList());
    assertThat(after).extracting(SupportRecord::at).containsExactlyElementsOf(
        before.stream().map(SupportRecord::at).toList());
    assertThat(referrals.campaigns().progress(alices).orElseThrow().supporters()).isEqualTo(3);
    assertThat(referrals.campaigns().progress(carols).orElseThrow().supporters()).isEqualTo(2);

    assertThat(participant.erase(bob)).isZero();
    assertThat(participant.erase(eve)).isZero();
    assertThat(store.supportsOf("help")).isEqualTo(after);
    // a new engine over the same store counts the same
    Referrals restarted = referrals(directory);
    assertThat(restarted.campaigns().progress(alices).orElseThrow().supporters()).isEqualTo(3);
    assertThat(restarted.campaigns().progress(carols).orElseThrow().supporters()).isEqualTo(2);
  }

  @Test
  void erasure_makesAReturningSupporterANewPerson_inTheRunningEngineAsAfterARestart() {
    PersonDirectory.InMemoryPersonDirectory directory = PersonDirectory.inMemory();
    directory.add(ALICE, T.minus(Duration.ofDays(30)), openid("o-alice"));
    Referrals referrals = referrals(directory);
    ReferralCode poster = posterOf(referrals, ALICE);
    CustomerId bob = CustomerId.of("bob");
    directory.add(bob, T, openid("o-bob"));
    Support bobs = new Support(poster, Set.of(openid("o-bob")), Optional.empty(), Optional.empty(), T);
    referrals.campaigns().support(bobs);
    referrals.privacyParticipant().erase(bob);

    // nothing links the counted support to Bob any more, so he supports as someone new
    assertThat(referrals.campaigns().support(bobs)).isInstanceOf(ReferralOutcome.Supported.class);

    assertThat(referrals.campaigns().progress(poster).orElseThrow().supporters()).isEqualTo(2);
    assertThat(referrals(directory).campaigns().progress(poster).orElseThrow().supporters()).isEqualTo(2);
  }

  @Test
  void erasure_takesTheErasedSupportersDeviceOutOfThePostersCluster_inTheRunningEngineAsAfterARestart() {
    PersonDirectory.InMemoryPersonDirectory directory = PersonDirectory.inMemory();
    directory.add(ALICE, T.minus(Duration.ofDays(30)), openid("o-alice"));
    Referrals referrals = referrals(directory);
    ReferralCode poster = posterOf(referrals, ALICE);
    // three supporters on one phone reach the cluster threshold of 3
    for (String supporter : List.of("o-bob", "o-dan", "o-fay")) {
      referrals.campaigns().support(new Support(poster, Set.of(openid(supporter)), Optional.of("dev-shared"),
          Optional.of("net-shared"), T));
    }
    assertThat(referrals.campaigns().progress(poster).orElseThrow().flags()).extracting(FraudFlag::signal)
        .containsExactlyInAnyOrder(FraudSignal.DEVICE_CLUSTER, FraudSignal.NETWORK_CLUSTER);
    CustomerId bob = CustomerId.of("bob");
    directory.add(bob, T, openid("o-bob"));

    referrals.privacyParticipant().erase(bob);

    assertThat(referrals.campaigns().progress(poster).orElseThrow().flags()).isEmpty();
    assertThat(referrals(directory).campaigns().progress(poster).orElseThrow().flags()).isEmpty();
    assertThat(referrals.campaigns().progress(poster).orElseThrow().supporters()).isEqualTo(3);
  }

  private static ReferralCode posterOf(Referrals referrals, CustomerId owner) {
    return ((ReferralOutcome.CodeIssued) referrals.campaigns().poster("help", owner)).assignment().code();
  }

  private Referrals referrals(PersonDirectory directory) {
    Referrals referrals = Referrals.builder().time(BusinessTime.of(Clock.fixed(T, ZoneOffset.UTC)))
        .ids(IdSource.sequential("c", 3)).directory(directory).store(store).build();
    referrals.campaigns().define(ImmutableCampaignSpec.builder().id("help").name("Help me win")
        .startsAt(T.minus(Duration.ofDays(1))).deadline(T.plus(Duration.ofDays(3))).postersPerSupporter(2)
        .addLadder(LadderStep.of(5, RewardSpec.of("coupon-10", Money.fen(10_00)))).budget(Money.fen(100_00)).build());
    return referrals;
  }

  private static Identifier openid(String value) {
    return Identifier.scoped(IdentifierType.WECHAT_OPENID, "wx-app", value);
  }

  private static Identifier unionid(String value) {
    return Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-platform", value);
  }

  /** Everything the supports hold, spelt out (their {@code toString} hides it). */
  private static String held(List<SupportRecord> supports) {
    return supports.stream().map(s -> String.join(" ", s.campaign(), s.poster().value(), s.person(),
        String.join(",", s.identifierKeys()), s.device().orElse(""), s.network().orElse(""))).toList().toString();
  }
}
