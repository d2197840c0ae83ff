package io.github.scrm.core.staff;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.StaffStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A directory on a movable clock, and staff and customers that read like prose. */
final class StaffFixtures {

  static final Instant MONDAY_TEN = Instant.parse("2026-11-23T02:00:00Z");
  static final StaffId LIN = StaffId.of("lin");
  static final StaffId WANG = StaffId.of("wang");
  static final StaffId ZHAO = StaffId.of("zhao");
  static final CustomerId ALICE = CustomerId.of("alice");

  final MovableClock clock = new MovableClock(MONDAY_TEN);
  final StaffStore store = StaffStores.inMemory();
  final StaffDirectory directory;

  StaffFixtures() {
    this(TransferPolicy.wecom());
  }

  StaffFixtures(TransferPolicy policy) {
    directory = StaffDirectory.builder()
        .store(store)
        .ids(IdSource.sequential("t", 42))
        .clock(clock)
        .policy(policy)
        .build();
  }

  static TransferPolicy maxCustomers(int max) {
    return ImmutableTransferPolicy.builder().maxCustomersPerStaff(max).build();
  }

  static TransferPolicy immediateTransfers() {
    return ImmutableTransferPolicy.builder().pendingPeriod(java.time.Duration.ZERO).build();
  }

  AcquisitionCode codeOf(StaffId staff) {
    return directory.staff(staff).orElseThrow().codes().iterator().next();
  }

  /** Registers {@code staff} in {@code store} and lets them acquire {@code customers} through their code. */
  List<CustomerId> staffWithCustomers(StaffId staff, String storeName, int customers) {
    directory.register(staff, storeName);
    List<CustomerId> acquired = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      CustomerId customer = CustomerId.of(staff.value() + "-customer-" + (100 + i));
      directory.acquire(codeOf(staff), customer, ContactChannel.WECOM);
      acquired.add(customer);
    }
    return acquired;
  }
}
