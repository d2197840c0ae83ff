package io.github.scrm.core.staff;

import static io.github.scrm.core.staff.StaffFixtures.ALICE;
import static io.github.scrm.core.staff.StaffFixtures.LIN;
import static io.github.scrm.core.staff.StaffFixtures.MONDAY_TEN;
import static io.github.scrm.core.staff.StaffFixtures.WANG;
import static io.github.scrm.core.staff.StaffFixtures.ZHAO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class StaffDirectoryTest {

  private final StaffFixtures f = new StaffFixtures();

  @Test
  void register_issuesAnUnguessableCodeOfThirtyCharactersAtMost() {
    StaffMember lin = f.directory.register(LIN, "jingan");
    StaffMember wang = f.directory.register(WANG, "jingan");

    assertThat(lin.codes()).hasSize(1);
    assertThat(lin.codes().iterator().next().state()).hasSize(26).matches("[a-z2-7]+");
    assertThat(lin.codes()).doesNotContainAnyElementsOf(wang.codes());
    assertThat(lin.active()).isTrue();
  }

  @Test
  void register_sameIdTwice_isRefused() {
    f.directory.register(LIN, "jingan");

    assertThatThrownBy(() -> f.directory.register(LIN, "xuhui"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lin is already registered");
  }

  @Test
  void acquire_throughACode_ownsTheCustomerWithTheChannelRecorded() {
    f.directory.register(LIN, "jingan");

    AcquisitionOutcome outcome = f.directory.acquire(f.codeOf(LIN), ALICE, ContactChannel.WECOM);

    assertThat(outcome).isInstanceOf(AcquisitionOutcome.Acquired.class);
    assertThat(f.directory.ownerOf(ALICE)).contains(LIN);
    OwnershipPeriod period = f.directory.ownership(ALICE).orElseThrow().periods().get(0);
    assertThat(period.channel()).isEqualTo(ContactChannel.WECOM);
    assertThat(period.reason()).isEqualTo(OwnershipReason.ACQUIRED);
    assertThat(period.from()).isEqualTo(MONDAY_TEN);
  }

  @Test
  void acquire_unknownCode_isRefused() {
    AcquisitionOutcome outcome = f.directory.acquire(AcquisitionCode.of("guessed"), ALICE, ContactChannel.WECOM);

    assertThat(outcome).isInstanceOf(AcquisitionOutcome.Refused.class);
    assertThat(((AcquisitionOutcome.Refused) outcome).reason()).isEqualTo(RefusalReason.UNKNOWN_CODE);
    assertThat(f.directory.ownerOf(ALICE)).isEmpty();
  }

  @Test
  void acquire_customerAlreadyOwned_keepsTheFirstOwner() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.acquire(f.codeOf(LIN), ALICE, ContactChannel.WECOM);

    AcquisitionOutcome outcome = f.directory.acquire(f.codeOf(WANG), ALICE, ContactChannel.WECOM);

    assertThat(outcome).isEqualTo(new AcquisitionOutcome.AlreadyOwned(ALICE, LIN));
  }

  @Test
  void acquire_staffAtCapacity_isRefused() {
    StaffFixtures small = new StaffFixtures(StaffFixtures.maxCustomers(2));
    small.staffWithCustomers(LIN, "jingan", 2);

    AcquisitionOutcome outcome = small.directory.acquire(small.codeOf(LIN), ALICE, ContactChannel.WECOM);

    assertThat(outcome).isInstanceOf(AcquisitionOutcome.Refused.class);
    assertThat(((AcquisitionOutcome.Refused) outcome).reason()).isEqualTo(RefusalReason.AT_CAPACITY);
    assertThat(((AcquisitionOutcome.Refused) outcome).detail()).contains("at most 2", "owns 2");
  }

  @Test
  void requestTransfer_isPendingFor24Hours_thenTakesEffectByTheClock() {
    ownedByLinWithWangRegistered();

    TransferOutcome outcome = f.directory.requestTransfer(ALICE, WANG);

    assertThat(outcome).isInstanceOf(TransferOutcome.Pending.class);
    Instant effective = ((TransferOutcome.Pending) outcome).transfer().effectiveAt();
    assertThat(effective).isEqualTo(MONDAY_TEN.plus(Duration.ofHours(24)));
    f.clock.set(effective.minusNanos(1));
    assertThat(f.directory.ownerOf(ALICE)).contains(LIN);
    f.clock.set(effective);
    assertThat(f.directory.ownerOf(ALICE)).contains(WANG);
    assertThat(f.directory.ownerAt(ALICE, effective.minusNanos(1))).contains(LIN);
    assertThat(f.directory.ownerAt(ALICE, MONDAY_TEN.minusNanos(1))).isEmpty();
  }

  @Test
  void completeDueTransfers_writesEffectiveTransfersToTheStore() {
    ownedByLinWithWangRegistered();
    f.directory.requestTransfer(ALICE, WANG);
    f.clock.advance(Duration.ofHours(23));
    assertThat(f.directory.completeDueTransfers()).isEmpty();

    f.clock.advance(Duration.ofHours(2));

    assertThat(f.directory.completeDueTransfers()).containsExactly(
        new TransferOutcome.Transferred(ALICE, LIN, WANG, MONDAY_TEN.plus(Duration.ofHours(24))));
    assertThat(f.store.ownedBy(WANG)).containsExactly(ALICE);
    assertThat(f.store.findOwnership(ALICE).orElseThrow().periods())
        .extracting(OwnershipPeriod::staff, OwnershipPeriod::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LIN, OwnershipReason.ACQUIRED),
            org.assertj.core.groups.Tuple.tuple(WANG, OwnershipReason.TRANSFERRED));
  }

  @Test
  void refuseTransfer_beforeItTakesEffect_keepsTheOldOwner() {
    ownedByLinWithWangRegistered();
    f.directory.requestTransfer(ALICE, WANG);
    f.clock.advance(Duration.ofHours(24).minusNanos(1));

    TransferOutcome outcome = f.directory.refuseTransfer(ALICE);

    assertThat(((TransferOutcome.Refused) outcome).reason()).isEqualTo(RefusalReason.CUSTOMER_REFUSED);
    f.clock.advance(Duration.ofDays(3));
    assertThat(f.directory.ownerOf(ALICE)).contains(LIN);
    assertThat(f.directory.load(WANG)).isZero();
    assertThat(f.directory.ownership(ALICE).orElseThrow().refused()).hasSize(1);
  }

  @Test
  void refuseTransfer_onceEffective_isTooLate() {
    ownedByLinWithWangRegistered();
    f.directory.requestTransfer(ALICE, WANG);
    f.clock.advance(Duration.ofHours(24));

    TransferOutcome outcome = f.directory.refuseTransfer(ALICE);

    assertThat(((TransferOutcome.Refused) outcome).reason()).isEqualTo(RefusalReason.NOTHING_PENDING);
    assertThat(f.directory.ownerOf(ALICE)).contains(WANG);
  }

  @Test
  void requestTransfer_whileAnotherIsPending_isRefused() {
    ownedByLinWithWangRegistered();
    f.directory.register(ZHAO, "jingan");
    f.directory.requestTransfer(ALICE, WANG);

    assertRefused(f.directory.requestTransfer(ALICE, ZHAO), RefusalReason.TRANSFER_PENDING);
  }

  @Test
  void requestTransfer_atMostTwoPer90Days() {
    ownedByLinWithWangRegistered();
    f.directory.requestTransfer(ALICE, WANG);
    f.clock.advance(Duration.ofDays(1));
    f.directory.requestTransfer(ALICE, LIN);
    f.clock.advance(Duration.ofDays(1));
    // effective transfers at day 1 and day 2

    TransferOutcome third = f.directory.requestTransfer(ALICE, WANG);

    assertRefused(third, RefusalReason.TRANSFER_LIMIT_REACHED);
    assertThat(((TransferOutcome.Refused) third).detail()).contains("at most 2 times per 90 days", "2 times");
    // 90 days after the first took effect, it leaves the window
    f.clock.set(MONDAY_TEN.plus(Duration.ofDays(1)).plus(Duration.ofDays(90)).minusNanos(1));
    assertRefused(f.directory.requestTransfer(ALICE, WANG), RefusalReason.TRANSFER_LIMIT_REACHED);
    f.clock.set(MONDAY_TEN.plus(Duration.ofDays(1)).plus(Duration.ofDays(90)));
    assertThat(f.directory.requestTransfer(ALICE, WANG)).isInstanceOf(TransferOutcome.Pending.class);
  }

  @Test
  void requestTransfer_refusedTransfers_doNotCountTowardsTheLimit() {
    ownedByLinWithWangRegistered();
    for (int i = 0; i < 3; i++) {
      f.directory.requestTransfer(ALICE, WANG);
      f.directory.refuseTransfer(ALICE);
    }

    assertThat(f.directory.requestTransfer(ALICE, WANG)).isInstanceOf(TransferOutcome.Pending.class);
  }

  @Test
  void requestTransfer_targetAtCapacity_countingPendingTransfers_isRefused() {
    StaffFixtures small = new StaffFixtures(StaffFixtures.maxCustomers(2));
    java.util.List<CustomerId> lins = small.staffWithCustomers(LIN, "jingan", 2);
    small.staffWithCustomers(WANG, "jingan", 1);
    CustomerId first = lins.get(0);
    CustomerId second = lins.get(1);
    assertThat(small.directory.requestTransfer(first, WANG)).isInstanceOf(TransferOutcome.Pending.class);
    assertThat(small.directory.load(WANG)).isEqualTo(2);

    assertRefused(small.directory.requestTransfer(second, WANG), RefusalReason.AT_CAPACITY);
  }

  @Test
  void requestTransfer_invalidTargetsAndCustomers_areRefused() {
    ownedByLinWithWangRegistered();

    assertRefused(f.directory.requestTransfer(ALICE, LIN), RefusalReason.SAME_OWNER);
    assertRefused(f.directory.requestTransfer(ALICE, StaffId.of("ghost")), RefusalReason.STAFF_UNAVAILABLE);
    assertRefused(f.directory.requestTransfer(CustomerId.of("nobody"), WANG), RefusalReason.NOT_OWNED);
  }

  @Test
  void requestTransfer_withoutPendingPeriod_isImmediate() {
    StaffFixtures immediate = new StaffFixtures(StaffFixtures.immediateTransfers());
    CustomerId customer = immediate.staffWithCustomers(LIN, "jingan", 1).get(0);
    immediate.directory.register(WANG, "jingan");
    immediate.clock.advance(Duration.ofHours(1));

    TransferOutcome outcome = immediate.directory.requestTransfer(customer, WANG);

    assertThat(outcome).isEqualTo(
        new TransferOutcome.Transferred(customer, LIN, WANG, MONDAY_TEN.plus(Duration.ofHours(1))));
    assertThat(immediate.directory.ownerOf(customer)).contains(WANG);
    assertThat(immediate.directory.ownerAt(customer, MONDAY_TEN)).contains(LIN);
  }

  @Test
  void refuseTransfer_nothingPending_isReported() {
    assertRefused(f.directory.refuseTransfer(ALICE), RefusalReason.NOTHING_PENDING);
  }

  @Test
  void forget_erasesOwnershipAndFreesTheOwnersPlace() {
    ownedByLinWithWangRegistered();

    assertThat(f.directory.forget(ALICE)).isTrue();

    assertThat(f.directory.ownership(ALICE)).isEmpty();
    assertThat(f.directory.ownerAt(ALICE, MONDAY_TEN)).isEmpty();
    assertThat(f.directory.load(LIN)).isZero();
  }

  @Test
  void builder_missingParts_nameTheFix() {
    assertThatThrownBy(() -> StaffDirectory.builder().ids(IdSource.secure()).clock(f.clock).build())
        .hasMessageContaining("StaffStores.inMemory()");
    assertThatThrownBy(() -> StaffDirectory.builder().store(f.store).clock(f.clock).build())
        .hasMessageContaining("IdSource.secure()");
    assertThatThrownBy(() -> StaffDirectory.builder().store(f.store).ids(IdSource.secure()).build())
        .hasMessageContaining("clock is required");
  }

  @Test
  void transferPolicy_invalidValues_areRefusedWithTheValue() {
    assertThatThrownBy(() -> ImmutableTransferPolicy.builder().maxCustomersPerStaff(0).build())
        .hasMessageContaining("maxCustomersPerStaff must be at least 1, but was 0");
    assertThatThrownBy(() -> ImmutableTransferPolicy.builder().pendingPeriod(Duration.ofHours(-1)).build())
        .hasMessageContaining("but was PT-1H");
  }

  @Test
  void acquisitionCode_invalidState_isRefusedWithThePosition() {
    assertThatThrownBy(() -> AcquisitionCode.of("has space"))
        .hasMessageContaining("but had ' ' at index 3");
    assertThatThrownBy(() -> AcquisitionCode.of("x".repeat(31))).hasMessageContaining("but had 31");
  }

  private void ownedByLinWithWangRegistered() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.acquire(f.codeOf(LIN), ALICE, ContactChannel.WECOM);
  }

  static void assertRefused(TransferOutcome outcome, RefusalReason reason) {
    assertThat(outcome).isInstanceOf(TransferOutcome.Refused.class);
    assertThat(((TransferOutcome.Refused) outcome).reason()).isEqualTo(reason);
  }
}
