package io.github.scrm.examples.jdbc;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.contact.ContactRecord;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.Attribution;
import io.github.scrm.core.referral.CodeAssignment;
import io.github.scrm.core.referral.ImmutableReward;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.RewardState;
import io.github.scrm.core.referral.SupportRecord;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.ImmutableStaffMember;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffMember;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.code.CodeGenerator;
import io.github.scrm.coupons.code.CodeSource;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.issuance.PostOrderResult;
import io.github.scrm.coupons.issuance.ShareRules;
import io.github.scrm.coupons.redemption.ReserveResult;
import io.github.scrm.coupons.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The longest value of every kind the library accepts ({@link MaxLengths}, {@link CouponMaxLengths}) is written and
 * read back whole by the JDBC stores: no column is narrower than the library's limit.
 */
abstract class LongestValuesCases {

  private static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("a".repeat(MaxLengths.CUSTOMER_ID));
  private static final CustomerId BOB = CustomerId.of("b".repeat(MaxLengths.CUSTOMER_ID));
  private static final String ORDER = "o".repeat(MaxLengths.ORDER_ID);
  private static final String PROGRAMME = "p".repeat(MaxLengths.PROGRAMME_ID);
  private static final Identifier LONGEST_IDENTIFIER = Identifier.scoped(IdentifierType.WECOM_EXTERNAL_USERID,
      "s".repeat(MaxLengths.IDENTIFIER_SCOPE), "v".repeat(MaxLengths.IDENTIFIER_VALUE));

  private final Databases databases = new Databases(this::database);

  /** A fresh, migrated, empty database. */
  abstract JdbcDatabase database();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void identityIndex_keepsTheLongestScopeValueAndCustomerId() {
    JdbcIdentityIndex index = JdbcIdentityIndex.create(databases.open());

    assertThat(index.bindIfAbsent(LONGEST_IDENTIFIER, ALICE)).isEqualTo(ALICE);
    assertThat(index.find(LONGEST_IDENTIFIER)).contains(ALICE);
  }

  @Test
  void staffStore_keepsTheLongestStaffIdStoreAndAcquisitionCode() {
    JdbcStaffStore store = JdbcStaffStore.create(databases.open());
    AcquisitionCode code = AcquisitionCode.of("c".repeat(MaxLengths.ACQUISITION_CODE));
    StaffMember member = ImmutableStaffMember.builder().id(StaffId.of("z".repeat(MaxLengths.STAFF_ID)))
        .store("s".repeat(MaxLengths.STORE)).addCodes(code).build();

    store.saveStaff(member);

    assertThat(store.findByCode(code)).contains(member);
  }

  @Test
  void contactLedger_keepsTheLongestCampaignId() {
    JdbcContactLedger ledger = JdbcContactLedger.create(databases.open());
    ContactRecord record = new ContactRecord(ALICE, ContactChannel.WECOM, ContactPurpose.MARKETING,
        Optional.of(CampaignId.of("k".repeat(MaxLengths.CAMPAIGN_ID))), true, AT);

    assertThat(ledger.recordIfWithin(record, List.of())).isEmpty();
    assertThat(ledger.contactsOf(ALICE)).containsExactly(record);
  }

  @Test
  void mergeStore_keepsTheLongestMergeIdAndEventId() {
    JdbcMergeStore store = JdbcMergeStore.create(databases.open());
    String eventId = "e".repeat(MaxLengths.EVENT_ID);
    MergeRecord merge = new MergeRecord("m".repeat(MaxLengths.MERGE_ID), ALICE, BOB, List.of(LONGEST_IDENTIFIER),
        eventId, List.of(LONGEST_IDENTIFIER), AT, null);

    store.recordMerge(merge, List.of(eventId));

    assertThat(store.movedEvents(merge.mergeId())).containsExactly(eventId);
    assertThat(store.mergesOf(BOB)).extracting(MergeRecord::mergeId).containsExactly(merge.mergeId());
  }

  @Test
  void referralStore_keepsTheLongestProgrammeOrderIdRewardKeySupporterDeviceAndNetwork() {
    JdbcReferralStore store = JdbcReferralStore.create(databases.open());
    Reward reward = ImmutableReward.builder().rewardId(PROGRAMME + "|" + BOB.value() + "|first-purchase")
        .programme(PROGRAMME).beneficiary(ALICE).referee(BOB).trigger("first-purchase").orderId(ORDER)
        .rewardKey("r".repeat(MaxLengths.REWARD_KEY)).value(Money.fen(20_00)).state(RewardState.PENDING)
        .qualifiedAt(AT).payableAt(AT).build();
    Attribution attribution = new Attribution(PROGRAMME, BOB, ALICE, true, AT, AT);
    ReferralCode poster = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();
    CodeAssignment code = new CodeAssignment(poster, PROGRAMME, ALICE, AT);
    // an unknown supporter is named by the key of their identifier: the longest type, scope and value
    SupportRecord support = new SupportRecord(PROGRAMME, poster, "prospect:" + LONGEST_IDENTIFIER.key(),
        List.of(LONGEST_IDENTIFIER.key()), Optional.of("d".repeat(MaxLengths.SUPPORT_DEVICE)),
        Optional.of("n".repeat(MaxLengths.SUPPORT_NETWORK)), AT);

    assertThat(store.insert(reward)).isTrue();
    assertThat(store.attribute(attribution)).isTrue();
    assertThat(store.assignCode(code)).isTrue();
    assertThat(store.recordSupport(support)).isTrue();

    assertThat(store.find(reward.rewardId())).contains(reward);
    assertThat(store.attributionOf(PROGRAMME, BOB)).contains(attribution);
    assertThat(store.codeOf(PROGRAMME, ALICE)).contains(code);
    assertThat(store.supportsOf(PROGRAMME)).containsExactly(support);
  }

  @Test
  void couponStore_issuesSharesAndReservesWithTheLongestIdsKeysAndCodes() {
    JdbcCouponStore store = JdbcCouponStore.create(databases.open());
    IdSource ids = IdSource.sequential("i", 7);
    Coupons coupons = Coupons.builder().time(BusinessTime.of(Fixtures.clock())).idSource(ids)
        .guardrails(Fixtures.permissive()).codes(longestCodes(CodeGenerator.of(ids.random(), ""))).store(store)
        .build();
    Campaign longest = campaign("c".repeat(64), aThresholdCoupon(100_00, 10_00), 100, 3);
    coupons.campaigns().create(longest);
    String key = "k".repeat(CouponMaxLengths.IDEMPOTENCY_KEY);

    // the longest composed keys: post-order:<campaign>:<order> and sf:<campaign>:<sharer>:<order>:<friend>
    PostOrderResult afterOrder = coupons.issuance().afterOrder(longest.id(), ORDER, ALICE,
        new ShareRules(longest.id(), Duration.ofHours(24), 2, 1));
    IssueResult shared = coupons.issuance().claimShared(afterOrder.shareToken().token(), BOB, key);
    CouponCode code = ((IssueResult.Issued) afterOrder.buyerCoupon()).coupon().code();
    ReserveResult reserved = coupons.redemption().reserve(order(ORDER, ALICE, 200_00), List.of(code.value()),
        "r".repeat(CouponMaxLengths.IDEMPOTENCY_KEY));

    assertThat(shared.issued()).isTrue();
    assertThat(store.shareToken(afterOrder.shareToken().token())).contains(afterOrder.shareToken());
    assertThat(reserved).isInstanceOf(ReserveResult.Reserved.class);
    assertThat(store.reservationForOrder(ORDER)).hasValueSatisfying(r -> assertThat(r.orderId()).isEqualTo(ORDER));
    assertThat(store.issueOutcome(key)).isPresent();
    assertThat(code.value()).hasSize(CouponMaxLengths.CODE);
    assertThat(store.coupon(code)).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo(code));
  }

  /**
   * Well-formed codes of the longest length a store keeps: a random code without its check character, padded at the
   * front, and the check character that fits, so that the code can be reserved too.
   */
  private static CodeSource longestCodes(CodeSource random) {
    return () -> {
      String drawn = random.next().value();
      String head = "Z".repeat(CouponMaxLengths.CODE - drawn.length()) + drawn.substring(0, drawn.length() - 1);
      return "23456789ABCDEFGHJKMNPQRSTUVWXYZ".chars().mapToObj(c -> head + (char) c).filter(CouponCode::wellFormed)
          .findFirst().map(CouponCode::new).orElseThrow();
    };
  }
}
