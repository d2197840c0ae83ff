package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.CustomerOwnership;
import io.github.scrm.core.staff.ImmutableCustomerOwnership;
import io.github.scrm.core.staff.ImmutableOwnershipPeriod;
import io.github.scrm.core.staff.ImmutablePendingTransfer;
import io.github.scrm.core.staff.ImmutableStaffMember;
import io.github.scrm.core.staff.OwnershipReason;
import io.github.scrm.core.staff.PendingTransfer;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StaffStore} must have. A host proves its implementation by extending this class (from the
 * {@code tests} jar) and implementing {@link #newStore()}.
 */
public abstract class StaffStoreContract {

  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
  private static final StaffId LIN = StaffId.of("lin");
  private static final StaffId WANG = StaffId.of("wang");
  private static final CustomerId ALICE = CustomerId.of("alice");
  private static final CustomerId BOB = CustomerId.of("bob");

  private StaffStore store;

  /** A new, empty store for each test. */
  protected abstract StaffStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void saveStaff_thenFindByIdAndByCode() {
    StaffMember lin = staff(LIN, "lin-code");

    store.saveStaff(lin);

    assertThat(store.findStaff(LIN)).contains(lin);
    assertThat(store.findByCode(AcquisitionCode.of("lin-code"))).contains(lin);
    assertThat(store.findByCode(AcquisitionCode.of("nobody"))).isEmpty();
  }

  @Test
  void saveStaff_replacingCodes_movesTheCodeIndex() {
    store.saveStaff(staff(LIN, "lin-code"));
    store.saveStaff(staff(WANG, "wang-code"));

    store.saveStaff(ImmutableStaffMember.copyOf(staff(LIN, "lin-code")).withCodes().withDepartedAt(T0));
    store.saveStaff(staff(WANG, "wang-code", "lin-code"));

    assertThat(store.findByCode(AcquisitionCode.of("lin-code"))).map(StaffMember::id).contains(WANG);
    assertThat(store.findStaff(LIN)).map(StaffMember::active).contains(false);
  }

  @Test
  void saveStaff_codeOfSomeoneElse_isRefused() {
    store.saveStaff(staff(LIN, "lin-code"));

    assertThatThrownBy(() -> store.saveStaff(staff(WANG, "lin-code")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already belongs to lin");
  }

  @Test
  void saveStaff_twoMembersRacingForOneCode_oneGetsItAndTheOtherIsRefused() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String code = "contested-" + round;
        List<StaffMember> members = List.of(staff(StaffId.of("a-" + round), code), staff(StaffId.of("b-" + round), code));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> futures = new ArrayList<>();
        for (StaffMember member : members) {
          futures.add(saveWhenStarted(pool, start, member));
        }
        start.countDown();
        List<StaffMember> saved = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          Throwable failure = futures.get(i).get(30, TimeUnit.SECONDS);
          if (failure == null) {
            saved.add(members.get(i));
          } else {
            assertThat(failure).as("round %d", round).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must belong to one staff member");
          }
        }
        assertThat(saved).as("round %d: exactly one holds the code", round).hasSize(1);
        assertThat(store.findByCode(AcquisitionCode.of(code))).contains(saved.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void saveStaff_aCodeGivenUpWhileAnotherClaimsIt_theClaimantIsRefusedOrHoldsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String code = "handed-on-" + round;
        StaffId holder = StaffId.of("holder-" + round);
        store.saveStaff(staff(holder, code));
        StaffMember claimant = staff(StaffId.of("claimant-" + round), code);
        StaffMember released = staff(holder, "kept-" + round);
        CountDownLatch start = new CountDownLatch(1);
        Future<Throwable> release = saveWhenStarted(pool, start, released);
        Future<Throwable> claim = saveWhenStarted(pool, start, claimant);
        start.countDown();
        assertThat(release.get(30, TimeUnit.SECONDS)).as("round %d: giving a code up", round).isNull();
        Throwable failure = claim.get(30, TimeUnit.SECONDS);
        if (failure == null) {
          // a save that succeeded saved the member as given: with the code
          assertThat(store.findByCode(AcquisitionCode.of(code))).as("round %d", round).contains(claimant);
        } else {
          assertThat(failure).as("round %d", round).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("already belongs to " + holder.value());
          assertThat(store.findByCode(AcquisitionCode.of(code))).as("round %d", round).isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void saveStaff_sameNewMemberFromManyThreads_everySaveSucceeds() throws Exception {
    // two nodes syncing one new employee from HR at once: "inserts or replaces" must hold for both
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        StaffMember member = staff(StaffId.of("new-" + round), "qr-" + round, "wecom-" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(pool.submit(() -> {
            start.await();
            store.saveStaff(member);
            return null;
          }));
        }
        start.countDown();
        for (Future<?> future : futures) {
          future.get(30, TimeUnit.SECONDS);
        }
        assertThat(store.findStaff(member.id())).contains(member);
        assertThat(store.findByCode(AcquisitionCode.of("wecom-" + round))).contains(member);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void allStaff_isOrderedById() {
    store.saveStaff(staff(WANG, "w"));
    store.saveStaff(staff(LIN, "l"));

    assertThat(store.allStaff()).extracting(StaffMember::id).containsExactly(LIN, WANG);
  }

  @Test
  void saveOwnership_firstVersionMustBeOne() {
    assertThat(store.saveOwnership(ownedBy(ALICE, LIN, 2))).isFalse();
    assertThat(store.saveOwnership(ownedBy(ALICE, LIN, 1))).isTrue();

    assertThat(store.findOwnership(ALICE)).contains(ownedBy(ALICE, LIN, 1));
  }

  @Test
  void saveOwnership_staleVersion_isRefusedAndChangesNothing() {
    store.saveOwnership(ownedBy(ALICE, LIN, 1));
    store.saveOwnership(ownedBy(ALICE, WANG, 2));

    assertThat(store.saveOwnership(ownedBy(ALICE, LIN, 2))).isFalse();

    assertThat(store.findOwnership(ALICE).flatMap(CustomerOwnership::currentOwner)).contains(WANG);
  }

  @Test
  void ownedBy_andLoad_followTheSavedOwner() {
    store.saveOwnership(ownedBy(BOB, LIN, 1));
    store.saveOwnership(ownedBy(ALICE, LIN, 1));

    assertThat(store.ownedBy(LIN)).containsExactly(ALICE, BOB);
    assertThat(store.load(LIN)).isEqualTo(2);

    store.saveOwnership(ownedBy(ALICE, WANG, 2));

    assertThat(store.ownedBy(LIN)).containsExactly(BOB);
    assertThat(store.ownedBy(WANG)).containsExactly(ALICE);
    assertThat(store.load(WANG)).isEqualTo(1);
  }

  @Test
  void load_countsPendingIncomingTransfers_andPendingDueByFindsThem() {
    PendingTransfer toWang = ImmutablePendingTransfer.builder().from(LIN).to(WANG).requestedAt(T0)
        .effectiveAt(T0.plus(Duration.ofHours(24))).reason(OwnershipReason.TRANSFERRED).build();
    store.saveOwnership(ownedBy(ALICE, LIN, 1));
    store.saveOwnership(ImmutableCustomerOwnership.copyOf(ownedBy(ALICE, LIN, 2)).withPending(toWang));

    assertThat(store.load(WANG)).isEqualTo(1);
    assertThat(store.load(LIN)).isEqualTo(1);
    assertThat(store.pendingDueBy(T0.plus(Duration.ofHours(23)))).isEmpty();
    assertThat(store.pendingDueBy(T0.plus(Duration.ofHours(24)))).containsExactly(ALICE);

    store.saveOwnership(ownedBy(ALICE, LIN, 3));

    assertThat(store.load(WANG)).isZero();
    assertThat(store.pendingDueBy(T0.plus(Duration.ofDays(2)))).isEmpty();
  }

  @Test
  void forgetOwnership_removesTheCustomerFromEveryIndex() {
    PendingTransfer toWang = ImmutablePendingTransfer.builder().from(LIN).to(WANG).requestedAt(T0)
        .effectiveAt(T0.plus(Duration.ofHours(24))).reason(OwnershipReason.TRANSFERRED).build();
    store.saveOwnership(ImmutableCustomerOwnership.copyOf(ownedBy(ALICE, LIN, 1)).withPending(toWang));
    store.saveOwnership(ownedBy(BOB, LIN, 1));

    assertThat(store.forgetOwnership(ALICE)).isTrue();

    assertThat(store.findOwnership(ALICE)).isEmpty();
    assertThat(store.ownedBy(LIN)).containsExactly(BOB);
    assertThat(store.load(WANG)).isZero();
    assertThat(store.pendingDueBy(T0.plus(Duration.ofDays(2)))).isEmpty();
    assertThat(store.forgetOwnership(ALICE)).isFalse();
    assertThat(store.saveOwnership(ownedBy(ALICE, WANG, 1))).as("a forgotten customer starts again at version 1")
        .isTrue();
  }

  @Test
  void findOwnership_unknownCustomer_isEmpty() {
    assertThat(store.findOwnership(ALICE)).isEmpty();
    assertThat(store.ownedBy(LIN)).isEmpty();
    assertThat(store.load(LIN)).isZero();
  }

  @Test
  void saveOwnership_concurrentWritersOfOneVersion_exactlyOneWins() throws Exception {
    store.saveOwnership(ownedBy(ALICE, LIN, 1));
    int threads = 8;
    AtomicInteger wins = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        StaffId writer = StaffId.of("writer-" + t);
        futures.add(pool.submit(() -> {
          start.await();
          if (store.saveOwnership(ownedBy(ALICE, writer, 2))) {
            wins.incrementAndGet();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(wins.get()).isEqualTo(1);
    StaffId winner = store.findOwnership(ALICE).flatMap(CustomerOwnership::currentOwner).orElseThrow();
    assertThat(store.ownedBy(winner)).containsExactly(ALICE);
    assertThat(store.ownedBy(LIN)).isEmpty();
  }

  /** Saves {@code member} once {@code start} opens; the future holds what the save threw, null when it succeeded. */
  private Future<Throwable> saveWhenStarted(ExecutorService pool, CountDownLatch start, StaffMember member) {
    return pool.submit(() -> {
      start.await();
      try {
        store.saveStaff(member);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
  }

  private static StaffMember staff(StaffId id, String... codes) {
    ImmutableStaffMember.Builder builder = ImmutableStaffMember.builder().id(id).store("jingan");
    for (String code : codes) {
      builder.addCodes(AcquisitionCode.of(code));
    }
    return builder.build();
  }

  /** Owned by {@code staff} from T0 in a single period (history is not what these tests look at). */
  private static CustomerOwnership ownedBy(CustomerId customer, StaffId staff, long version) {
    return ImmutableCustomerOwnership.builder()
        .customer(customer)
        .addPeriods(ImmutableOwnershipPeriod.builder().staff(staff).from(T0).channel(ContactChannel.WECOM)
            .reason(OwnershipReason.ACQUIRED).build())
        .pending(Optional.empty())
        .version(version)
        .build();
  }
}
