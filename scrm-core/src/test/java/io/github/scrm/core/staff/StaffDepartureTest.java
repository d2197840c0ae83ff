package io.github.scrm.core.staff;

import static io.github.scrm.core.staff.StaffDirectoryTest.assertRefused;
import static io.github.scrm.core.staff.StaffFixtures.ALICE;
import static io.github.scrm.core.staff.StaffFixtures.LIN;
import static io.github.scrm.core.staff.StaffFixtures.WANG;
import static io.github.scrm.core.staff.StaffFixtures.ZHAO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class StaffDepartureTest {

  private final StaffFixtures f = new StaffFixtures(StaffFixtures.immediateTransfers());

  @Test
  void depart_codePassesToTheSuccessor_andNewScansBelongToThem() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    AcquisitionCode linsCode = f.codeOf(LIN);

    f.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);

    assertThat(f.directory.staff(WANG).orElseThrow().codes()).contains(linsCode).hasSize(2);
    assertThat(f.directory.staff(LIN).orElseThrow().codes()).isEmpty();
    assertThat(f.directory.staff(LIN).orElseThrow().active()).isFalse();
    f.directory.acquire(linsCode, ALICE, ContactChannel.WECOM);
    assertThat(f.directory.ownerOf(ALICE)).contains(WANG);
  }

  @Test
  void depart_roundRobin_spreadsCustomersInTurn() {
    List<CustomerId> customers = f.staffWithCustomers(LIN, "jingan", 7);
    f.directory.register(WANG, "jingan");
    f.directory.register(ZHAO, "xuhui");

    DepartureReport report = f.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);

    assertThat(report.outcomes(TransferOutcome.Transferred.class)).hasSize(7);
    assertThat(report.outcomes(TransferOutcome.Transferred.class)).extracting(TransferOutcome.Transferred::to)
        .containsExactly(WANG, ZHAO, WANG, ZHAO, WANG, ZHAO, WANG);
    assertThat(f.directory.ownerOf(customers.get(1))).contains(ZHAO);
    OwnershipPeriod latest = f.directory.ownership(customers.get(1)).orElseThrow().periods().get(1);
    assertThat(latest.reason()).isEqualTo(OwnershipReason.REASSIGNED);
    assertThat(latest.channel()).as("the acquisition channel is kept").isEqualTo(ContactChannel.WECOM);
  }

  @Test
  void depart_leastLoaded_fillsTheEmptiestFirst() {
    f.staffWithCustomers(LIN, "jingan", 4);
    f.staffWithCustomers(WANG, "jingan", 3);
    f.directory.register(ZHAO, "jingan");

    DepartureReport report = f.directory.depart(LIN, WANG, ReassignmentStrategy.LEAST_LOADED);

    Map<StaffId, Long> given = countByTarget(report);
    assertThat(given).containsEntry(ZHAO, 3L).containsEntry(WANG, 1L);
    assertThat(f.directory.load(WANG)).isEqualTo(4);
    assertThat(f.directory.load(ZHAO)).isEqualTo(3);
  }

  @Test
  void depart_sameStore_onlyUsesColleaguesOfThatStore() {
    f.staffWithCustomers(LIN, "jingan", 4);
    f.directory.register(WANG, "jingan");
    f.directory.register(ZHAO, "xuhui");

    DepartureReport report = f.directory.depart(LIN, ZHAO, ReassignmentStrategy.SAME_STORE);

    assertThat(countByTarget(report)).containsOnlyKeys(WANG).containsEntry(WANG, 4L);
  }

  @Test
  void depart_nobodyInTheStore_leavesCustomersWithTheDepartedOwner() {
    List<CustomerId> customers = f.staffWithCustomers(LIN, "jingan", 2);
    f.directory.register(ZHAO, "xuhui");

    DepartureReport report = f.directory.depart(LIN, ZHAO, ReassignmentStrategy.SAME_STORE);

    assertThat(report.outcomes(TransferOutcome.Refused.class)).hasSize(2)
        .allSatisfy(r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_SUCCESSOR_AVAILABLE));
    assertThat(f.directory.ownerOf(customers.get(0))).contains(LIN);
  }

  @Test
  void depart_respectsTheMaximumPerStaff() {
    StaffFixtures small = new StaffFixtures(StaffFixtures.maxCustomers(3));
    small.staffWithCustomers(LIN, "jingan", 3);
    small.staffWithCustomers(WANG, "jingan", 1);

    DepartureReport report = small.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);

    assertThat(report.outcomes(TransferOutcome.Pending.class)).hasSize(2);
    assertThat(report.outcomes(TransferOutcome.Refused.class)).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_SUCCESSOR_AVAILABLE));
    assertThat(small.directory.load(WANG)).isEqualTo(3);
  }

  @Test
  void depart_underThePendingPolicy_customersMayRefuseAndStayWithTheDepartedOwner() {
    StaffFixtures wecom = new StaffFixtures();
    List<CustomerId> customers = wecom.staffWithCustomers(LIN, "jingan", 2);
    wecom.directory.register(WANG, "jingan");

    DepartureReport report = wecom.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);
    wecom.directory.refuseTransfer(customers.get(0));
    wecom.clock.advance(Duration.ofHours(24));

    assertThat(report.outcomes(TransferOutcome.Pending.class)).hasSize(2);
    assertThat(wecom.directory.ownerOf(customers.get(0))).contains(LIN);
    assertThat(wecom.directory.ownerOf(customers.get(1))).contains(WANG);
    assertThat(wecom.directory.ownership(customers.get(1)).orElseThrow().periods().get(1).reason())
        .isEqualTo(OwnershipReason.REASSIGNED);
  }

  @Test
  void acquire_customerOfADepartedOwner_canBeAcquiredAgain() {
    StaffFixtures wecom = new StaffFixtures();
    CustomerId customer = wecom.staffWithCustomers(LIN, "jingan", 1).get(0);
    wecom.directory.register(WANG, "jingan");
    wecom.directory.register(ZHAO, "jingan");
    wecom.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);
    wecom.directory.refuseTransfer(customer);

    AcquisitionOutcome outcome = wecom.directory.acquire(wecom.codeOf(ZHAO), customer, ContactChannel.DOUYIN);

    assertThat(outcome).isInstanceOf(AcquisitionOutcome.Acquired.class);
    assertThat(wecom.directory.ownerOf(customer)).contains(ZHAO);
    assertThat(wecom.directory.ownership(customer).orElseThrow().periods()).hasSize(2);
  }

  @Test
  void depart_aTransferToTheLeaverRequestedUnderALongerPendingPeriod_isCancelledToo() {
    StaffFixtures before = new StaffFixtures(
        ImmutableTransferPolicy.builder().pendingPeriod(Duration.ofHours(72)).build());
    before.directory.register(LIN, "jingan");
    before.directory.register(WANG, "jingan");
    before.directory.acquire(before.codeOf(WANG), ALICE, ContactChannel.WECOM);
    before.directory.requestTransfer(ALICE, LIN);
    // the host then went back to the 24-hour default over the same store
    StaffDirectory after = StaffDirectory.builder().store(before.store).ids(IdSource.sequential("u", 7))
        .clock(before.clock).policy(TransferPolicy.wecom()).build();

    DepartureReport report = after.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);
    before.clock.advance(Duration.ofDays(4));

    assertThat(report.outcomes(TransferOutcome.Refused.class)).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.STAFF_UNAVAILABLE));
    assertThat(after.ownerOf(ALICE)).contains(WANG);
    assertThat(after.load(LIN)).isZero();
  }

  @Test
  void depart_pendingTransfersToTheLeaver_areCancelled() {
    StaffFixtures wecom = new StaffFixtures();
    wecom.directory.register(LIN, "jingan");
    wecom.directory.register(WANG, "jingan");
    wecom.directory.acquire(wecom.codeOf(WANG), ALICE, ContactChannel.WECOM);
    wecom.directory.requestTransfer(ALICE, LIN);

    DepartureReport report = wecom.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);
    wecom.clock.advance(Duration.ofDays(2));

    assertThat(report.outcomes(TransferOutcome.Refused.class)).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RefusalReason.STAFF_UNAVAILABLE));
    assertThat(wecom.directory.ownerOf(ALICE)).contains(WANG);
  }

  @Test
  void depart_customerAtTheTransferLimit_staysWithTheDepartedOwner() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.register(ZHAO, "jingan");
    f.directory.acquire(f.codeOf(LIN), ALICE, ContactChannel.WECOM);
    f.directory.requestTransfer(ALICE, WANG);
    f.directory.requestTransfer(ALICE, LIN);

    DepartureReport report = f.directory.depart(LIN, ZHAO, ReassignmentStrategy.LEAST_LOADED);

    assertRefused(report.outcomes().get(0), RefusalReason.TRANSFER_LIMIT_REACHED);
  }

  @Test
  void requestTransfer_departuresNotCounted_reassignmentsLeaveTheLimitFree() {
    TransferPolicy departuresFree = ImmutableTransferPolicy.builder()
        .pendingPeriod(Duration.ZERO).departuresCountTowardsLimit(false).build();
    StaffFixtures free = new StaffFixtures(departuresFree);
    StaffId s9 = StaffId.of("s9");
    free.directory.register(LIN, "jingan");
    free.directory.register(WANG, "jingan");
    free.directory.register(ZHAO, "jingan");
    free.directory.acquire(free.codeOf(LIN), ALICE, ContactChannel.WECOM);
    free.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);
    assertThat(free.directory.ownerOf(ALICE)).contains(WANG);
    free.directory.depart(WANG, ZHAO, ReassignmentStrategy.ROUND_ROBIN);
    assertThat(free.directory.ownerOf(ALICE)).contains(ZHAO);
    free.directory.register(s9, "jingan");

    TransferOutcome outcome = free.directory.requestTransfer(ALICE, s9);

    assertThat(outcome).isInstanceOf(TransferOutcome.Transferred.class);
    assertThat(free.directory.ownerOf(ALICE)).contains(s9);
  }

  @Test
  void requestTransfer_departuresNotCounted_transfersStillAre() {
    TransferPolicy departuresFree = ImmutableTransferPolicy.builder()
        .pendingPeriod(Duration.ZERO).departuresCountTowardsLimit(false).build();
    StaffFixtures free = new StaffFixtures(departuresFree);
    free.directory.register(LIN, "jingan");
    free.directory.register(WANG, "xuhui");
    free.directory.register(ZHAO, "jingan");
    free.directory.acquire(free.codeOf(LIN), ALICE, ContactChannel.WECOM);
    free.directory.requestTransfer(ALICE, WANG);
    free.directory.requestTransfer(ALICE, LIN);
    DepartureReport report = free.directory.depart(LIN, ZHAO, ReassignmentStrategy.SAME_STORE);
    assertThat(report.outcomes(TransferOutcome.Transferred.class)).as("a departure is not held to the limit")
        .hasSize(1);
    assertThat(free.directory.ownerOf(ALICE)).contains(ZHAO);

    assertRefused(free.directory.requestTransfer(ALICE, WANG), RefusalReason.TRANSFER_LIMIT_REACHED);
  }

  @Test
  void depart_notActiveOrSelfSuccession_isAProgrammingError() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");

    assertThatThrownBy(() -> f.directory.depart(LIN, LIN, ReassignmentStrategy.ROUND_ROBIN))
        .hasMessageContaining("another staff member");
    assertThatThrownBy(() -> f.directory.depart(StaffId.of("ghost"), WANG, ReassignmentStrategy.ROUND_ROBIN))
        .hasMessageContaining("ghost is unknown");
    f.directory.depart(LIN, WANG, ReassignmentStrategy.ROUND_ROBIN);
    assertThatThrownBy(() -> f.directory.depart(WANG, LIN, ReassignmentStrategy.ROUND_ROBIN))
        .hasMessageContaining("lin is departed");
  }

  private static Map<StaffId, Long> countByTarget(DepartureReport report) {
    return report.outcomes(TransferOutcome.Transferred.class).stream()
        .collect(Collectors.groupingBy(TransferOutcome.Transferred::to, Collectors.counting()));
  }

}
