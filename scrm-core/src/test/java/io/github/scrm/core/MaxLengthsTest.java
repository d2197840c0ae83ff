package io.github.scrm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.Support;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.ImmutableStaffMember;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every id and key is accepted at its documented limit and refused one character over it, naming both lengths. */
final class MaxLengthsTest {

  private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");

  @Test
  void customerId_atTheLimit_isAccepted_andOneOver_isRefusedWithBothLengths() {
    assertThat(CustomerId.of("c".repeat(MaxLengths.CUSTOMER_ID)).value()).hasSize(64);
    assertThatThrownBy(() -> CustomerId.of("c".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer id must have 1 to 64 characters, but was 65 characters");
  }

  @Test
  void staffId_atTheLimit_isAccepted_andOneOver_isRefusedWithoutTheValue() {
    assertThat(StaffId.of("s".repeat(MaxLengths.STAFF_ID)).value()).hasSize(64);
    assertThatThrownBy(() -> StaffId.of("s".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("staff id must have 1 to 64 non-blank characters, but had 65");
    assertThatThrownBy(() -> StaffId.of(" "))
        .hasMessage("staff id must have 1 to 64 non-blank characters, but was blank");
  }

  @Test
  void campaignId_atTheLimit_isAccepted_andOneOver_isRefusedWithBothLengths() {
    assertThat(CampaignId.of("k".repeat(MaxLengths.CAMPAIGN_ID)).value()).hasSize(128);
    assertThatThrownBy(() -> CampaignId.of("k".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("campaign id must have 1 to 128 non-blank characters, but had 129");
  }

  @Test
  void acquisitionCode_atTheLimit_isAccepted_andOneOver_isRefusedWithBothLengths() {
    assertThat(AcquisitionCode.of("a".repeat(MaxLengths.ACQUISITION_CODE)).state()).hasSize(30);
    assertThatThrownBy(() -> AcquisitionCode.of("a".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acquisition code state must have 1 to 30 characters, but had 31");
  }

  @Test
  void staffStore_atTheLimit_isAccepted_andOneOver_isRefusedNamingTheStaffMember() {
    StaffId id = StaffId.of("zhang.wei");
    assertThat(ImmutableStaffMember.builder().id(id).store("s".repeat(MaxLengths.STORE)).build().store()).hasSize(200);
    assertThatThrownBy(() -> ImmutableStaffMember.builder().id(id).store("s".repeat(201)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store: must have 1 to 200 non-blank characters, but had 201 for staff zhang.wei");
  }

  @Test
  void mergeId_atTheLimit_isAccepted_andOneOver_isRefusedWithBothLengths() {
    assertThat(merge("m".repeat(MaxLengths.MERGE_ID)).mergeId()).hasSize(128);
    assertThatThrownBy(() -> merge("m".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mergeId: must have 1 to 128 non-blank characters, but had 129");
  }

  @Test
  void supportDeviceAndNetwork_atTheLimit_areAccepted_andOneOver_areRefusedWithBothLengths() {
    Support longest = support(Optional.of("d".repeat(MaxLengths.SUPPORT_DEVICE)),
        Optional.of("n".repeat(MaxLengths.SUPPORT_NETWORK)));
    assertThat(longest.device()).hasValueSatisfying(d -> assertThat(d).hasSize(300));
    assertThat(longest.network()).hasValueSatisfying(n -> assertThat(n).hasSize(300));
    assertThatThrownBy(() -> support(Optional.of("d".repeat(301)), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("device: must have at most 300 characters, but had 301");
    assertThatThrownBy(() -> support(Optional.empty(), Optional.of("n".repeat(301))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("network: must have at most 300 characters, but had 301");
  }

  private static Support support(Optional<String> device, Optional<String> network) {
    ReferralCode poster = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();
    return new Support(poster, Set.of(Identifier.of(IdentifierType.MEMBER_NUMBER, "M2")), device, network, AT);
  }

  private static MergeRecord merge(String mergeId) {
    Identifier member = Identifier.of(IdentifierType.MEMBER_NUMBER, "M1");
    return new MergeRecord(mergeId, CustomerId.of("a"), CustomerId.of("b"), List.of(member), "e1", List.of(member), AT,
        null);
  }
}
