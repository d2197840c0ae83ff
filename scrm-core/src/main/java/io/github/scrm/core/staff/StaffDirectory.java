package io.github.scrm.core.staff;

import com.google.common.collect.MapMaker;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.StaffStore;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff members, the customers they own, and how ownership moves.
 *
 * <pre>{@code
 * StaffDirectory staff = StaffDirectory.builder()
 *     .store(StaffStores.inMemory())
 *     .ids(IdSource.secure())
 *     .clock(clock)
 *     .build();                                   // TransferPolicy.wecom()
 * StaffMember lin = staff.register(StaffId.of("lin"), "shanghai-jingan");
 * AcquisitionCode code = lin.codes().iterator().next();   // put its state on the "contact me" QR code
 * staff.acquire(code, customer, ContactChannel.WECOM);    // when the platform reports the scan
 * staff.ownerAt(customer, orderTime);                     // attribute a purchase
 * }</pre>
 *
 * <p>Transfers follow the {@link TransferPolicy}: pending for a period during which the customer may {@link
 * #refuseTransfer refuse}; effective by the clock once the period has passed (reads see it at once, {@link
 * #completeDueTransfers()} writes it to the store); limited per customer per window; bounded by a per-staff maximum.
 * Expected refusals are {@link TransferOutcome.Refused} values.
 *
 * <p>Ownership is keyed by the {@link CustomerId} given: a host that uses {@code Scrm} passes {@code
 * scrm.identities().current(id)}, so that one person has one ownership record, and reports each merge an ingestion
 * made with {@link #merged}, which gives the survivor one owner. The history recorded under an id before it was merged
 * stays under that id (see {@code docs/staff-and-contact.md}); PIPL export and erasure through {@code
 * PrivacyParticipants.staffOwnership} cover it.
 *
 * <p>Thread-safe: changes are serialised across every
 * directory of this process over the same store object, so that two of them cannot both take a staff member's last
 * free place; the store's versioned save detects changes made by other processes.
 */
public final class StaffDirectory {

  private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);
  /**
   * One lock per store object (compared by identity, held weakly), shared by all directories over it: a per-staff
   * maximum is a check and a save, which must not interleave with another directory's.
   */
  private static final ConcurrentMap<StaffStore, Object> LOCKS = new MapMaker().weakKeys().makeMap();

  private final StaffStore store;
  private final IdSource ids;
  private final Clock clock;
  private final TransferPolicy policy;
  private final Transfers transfers;
  private final Object lock;

  private StaffDirectory(Builder builder) {
    this.store = builder.store;
    this.lock = LOCKS.computeIfAbsent(builder.store, s -> new Object());
    this.ids = builder.ids;
    this.clock = builder.clock;
    this.policy = builder.policy;
    this.transfers = new Transfers(builder.store, builder.policy);
  }

  /** Starts a directory; {@link Builder#store}, {@link Builder#ids} and a clock are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers a new active staff member of {@code storeName} with a new unguessable acquisition code.
   *
   * @throws IllegalArgumentException if the id is already registered
   */
  public StaffMember register(StaffId id, String storeName) {
    synchronized (lock) {
      if (store.findStaff(id).isPresent()) {
        throw new IllegalArgumentException("staff id must be new, but " + id + " is already registered");
      }
      StaffMember member = ImmutableStaffMember.builder()
          .id(id)
          .store(storeName)
          .addCodes(AcquisitionCode.generate(ids.random()))
          .build();
      store.saveStaff(member);
      log.debug("staff registered: staff={} store={}", id, storeName);
      return member;
    }
  }

  /** The staff member, active or departed. */
  public Optional<StaffMember> staff(StaffId id) {
    return store.findStaff(id);
  }

  /**
   * A customer added a staff member through {@code code} on {@code channel}: the holder of the code owns the customer
   * from now, unless an active staff member already owns them (first owner wins) or the holder is at capacity.
   */
  public AcquisitionOutcome acquire(AcquisitionCode code, CustomerId customer, ContactChannel channel) {
    synchronized (lock) {
      Instant now = clock.instant();
      Optional<StaffMember> holder = store.findByCode(code).filter(StaffMember::active);
      if (holder.isEmpty()) {
        return new AcquisitionOutcome.Refused(customer, RefusalReason.UNKNOWN_CODE,
            "acquisition code must belong to an active staff member, but " + code + " belongs to none");
      }
      StaffId staffId = holder.get().id();
      Optional<CustomerOwnership> existing = store.findOwnership(customer).map(o -> o.settledAt(now));
      Optional<StaffId> owner = existing.flatMap(CustomerOwnership::currentOwner);
      if (owner.isPresent() && (transfers.isActive(owner.get()) || existing.get().pending().isPresent())) {
        return new AcquisitionOutcome.AlreadyOwned(customer, owner.get());
      }
      int load = store.load(staffId);
      if (load >= policy.maxCustomersPerStaff()) {
        return new AcquisitionOutcome.Refused(customer, RefusalReason.AT_CAPACITY, "staff member " + staffId
            + " may own at most " + policy.maxCustomersPerStaff() + " customers, and owns " + load);
      }
      OwnershipPeriod period = ImmutableOwnershipPeriod.builder()
          .staff(staffId).from(now).channel(channel).reason(OwnershipReason.ACQUIRED).build();
      // only an open period ends now: one a merge closed keeps its end, and the time since stays ownerless
      List<OwnershipPeriod> periods =
          new ArrayList<>(existing.map(o -> closedAt(o.periods(), now)).orElse(List.of()));
      periods.add(period);
      transfers.save(ImmutableCustomerOwnership.builder()
          .customer(customer)
          .addAllPeriods(periods)
          .addAllRefused(existing.map(CustomerOwnership::refused).orElse(List.of()))
          .version(existing.map(o -> o.version() + 1).orElse(1L))
          .build());
      log.debug("customer acquired: customer={} staff={} channel={}", customer, staffId, channel);
      return new AcquisitionOutcome.Acquired(customer, period);
    }
  }

  /**
   * Asks to move {@code customer} to {@code to} (an on-the-job transfer). Returns {@link TransferOutcome.Pending}
   * under a pending period, {@link TransferOutcome.Transferred} when the policy has none, or {@link
   * TransferOutcome.Refused} with the rule that stopped it.
   */
  public TransferOutcome requestTransfer(CustomerId customer, StaffId to) {
    synchronized (lock) {
      Instant now = clock.instant();
      Optional<CustomerOwnership> ownership = store.findOwnership(customer).map(o -> o.settledAt(now));
      if (ownership.isEmpty()) {
        return new TransferOutcome.Refused(customer, RefusalReason.NOT_OWNED,
            "customer " + customer + " must have an owner to be transferred, but has none");
      }
      int load = store.load(to);
      return transfers.transfer(ownership.get(), to, OwnershipReason.TRANSFERRED, load, now);
    }
  }

  /**
   * The customer refuses their pending transfer: the current owner keeps them. Only before the transfer takes
   * effect; afterwards, and when nothing is pending, the result is {@link RefusalReason#NOTHING_PENDING}.
   */
  public TransferOutcome refuseTransfer(CustomerId customer) {
    synchronized (lock) {
      Instant now = clock.instant();
      Optional<CustomerOwnership> ownership = store.findOwnership(customer).map(o -> o.settledAt(now));
      Optional<PendingTransfer> pending = ownership.flatMap(CustomerOwnership::pending);
      if (pending.isEmpty()) {
        return new TransferOutcome.Refused(customer, RefusalReason.NOTHING_PENDING,
            "a transfer can be refused only while pending, but customer " + customer + " has none pending at " + now);
      }
      CustomerOwnership current = ownership.get();
      transfers.save(ImmutableCustomerOwnership.copyOf(current)
          .withPending(Optional.empty())
          .withRefused(append(current.refused(), pending.get()))
          .withVersion(current.version() + 1));
      log.debug("transfer refused by customer: customer={} keeps={}", customer, pending.get().from());
      return new TransferOutcome.Refused(customer, RefusalReason.CUSTOMER_REFUSED, "customer refused the transfer from "
          + pending.get().from() + " to " + pending.get().to() + "; " + pending.get().from() + " keeps them");
    }
  }

  /** Writes every transfer whose pending period has passed to the store; call it periodically. */
  public List<TransferOutcome.Transferred> completeDueTransfers() {
    synchronized (lock) {
      Instant now = clock.instant();
      List<TransferOutcome.Transferred> done = new ArrayList<>();
      for (CustomerId customer : store.pendingDueBy(now)) {
        Optional<CustomerOwnership> stored = store.findOwnership(customer);
        if (stored.isEmpty() || stored.get().pending().isEmpty()) {
          continue;
        }
        PendingTransfer transfer = stored.get().pending().get();
        transfers.save(
            ImmutableCustomerOwnership.copyOf(stored.get().settledAt(now)).withVersion(stored.get().version() + 1));
        done.add(new TransferOutcome.Transferred(customer, transfer.from(), transfer.to(), transfer.effectiveAt()));
      }
      return done;
    }
  }

  /**
   * {@code leaving} leaves now: their acquisition codes pass to {@code codeSuccessor}, pending transfers to them are
   * cancelled (the report lists those as {@link RefusalReason#STAFF_UNAVAILABLE}), and each customer they own is
   * transferred to a remaining active staff member chosen by {@code strategy}, under the same policy as any transfer.
   * A customer who cannot be placed stays with the departed owner and is reported as refused.
   *
   * @throws IllegalArgumentException if {@code leaving} is not active, or {@code codeSuccessor} is not another active
   *     staff member
   */
  public DepartureReport depart(StaffId leaving, StaffId codeSuccessor, ReassignmentStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    synchronized (lock) {
      StaffMember leaver = activeStaff(leaving, "staff member to depart");
      StaffMember successor = activeStaff(codeSuccessor, "code successor");
      if (leaving.equals(codeSuccessor)) {
        throw new IllegalArgumentException("code successor must be another staff member, but was " + leaving);
      }
      completeDueTransfers();
      Instant now = clock.instant();
      Set<AcquisitionCode> codes = new TreeSet<>((a, b) -> a.state().compareTo(b.state()));
      codes.addAll(successor.codes());
      codes.addAll(leaver.codes());
      store.saveStaff(ImmutableStaffMember.copyOf(leaver).withCodes().withDepartedAt(now));
      store.saveStaff(ImmutableStaffMember.copyOf(successor).withCodes(codes));

      List<TransferOutcome> outcomes = new ArrayList<>(transfers.cancelTransfersTo(leaving, now));
      Map<StaffId, Integer> loads = new LinkedHashMap<>();
      for (StaffMember candidate : store.allStaff()) {
        if (candidate.active()
            && (strategy != ReassignmentStrategy.SAME_STORE || candidate.store().equals(leaver.store()))) {
          loads.put(candidate.id(), store.load(candidate.id()));
        }
      }
      Reassignment reassignment = new Reassignment(strategy, policy.maxCustomersPerStaff(), loads);
      for (CustomerId customer : store.ownedBy(leaving)) {
        outcomes.add(transfers.reassign(customer, reassignment, now));
      }
      log.debug("staff departed: staff={} codesTo={} customers={}", leaving, codeSuccessor, outcomes.size());
      return new DepartureReport(leaving, codeSuccessor, outcomes);
    }
  }

  /**
   * Gives one owner to the person {@code absorbed} and {@code survivor} turned out to be, once {@code absorbed} was
   * merged into {@code survivor}; call it for each merge an ingestion reports ({@code IngestOutcome.Accepted.merges()}).
   *
   * <ul>
   *   <li>When the survivor has an active owner, or a transfer pending, it keeps them, as an acquisition would ("first
   *       owner wins").
   *   <li>Otherwise the absorbed customer's owner, if active, owns the survivor from now ({@link
   *       OwnershipReason#MERGED}: no transfer, so no transfer limit applies, and no maximum, since no staff member
   *       gains a person), and a transfer pending for the absorbed customer is pending for the survivor instead.
   * </ul>
   *
   * The absorbed customer's ownership ends now either way, so that no staff member counts the person twice. What was
   * recorded before stays with each id: attribute an order placed under the absorbed id before the merge with {@code
   * ownerAt(absorbed, orderTime)}. Calling it again for the same merge changes nothing; after a failed save it
   * completes what the first call left undone.
   *
   * @return the survivor's owner afterwards
   * @throws IllegalArgumentException if both ids are the same
   */
  public Optional<StaffId> merged(CustomerId survivor, CustomerId absorbed) {
    if (survivor.equals(absorbed)) {
      throw new IllegalArgumentException("a customer cannot be merged into itself, but both ids were " + survivor);
    }
    synchronized (lock) {
      Instant now = clock.instant();
      Optional<CustomerOwnership> kept = store.findOwnership(survivor).map(o -> o.settledAt(now));
      Optional<CustomerOwnership> gone = store.findOwnership(absorbed).map(o -> o.settledAt(now));
      Optional<StaffId> keptOwner = kept.flatMap(CustomerOwnership::currentOwner);
      Optional<StaffId> goneOwner = gone.flatMap(CustomerOwnership::currentOwner);
      if (goneOwner.isEmpty()) {
        return keptOwner;
      }
      boolean survivorKeeps = keptOwner.isPresent()
          && (transfers.isActive(keptOwner.get()) || kept.get().pending().isPresent()
              || !transfers.isActive(goneOwner.get()));
      if (!survivorKeeps) {
        // the survivor first: should the second save fail, a repeated call finds it owned and ends the other
        List<OwnershipPeriod> goneOwnerPeriods = gone.get().periods();
        OwnershipPeriod takeOver = ImmutableOwnershipPeriod.builder().staff(goneOwner.get()).from(now)
            .channel(goneOwnerPeriods.get(goneOwnerPeriods.size() - 1).channel()).reason(OwnershipReason.MERGED)
            .build();
        List<OwnershipPeriod> periods = new ArrayList<>(kept.map(o -> closedAt(o.periods(), now)).orElse(List.of()));
        periods.add(takeOver);
        transfers.save(ImmutableCustomerOwnership.builder()
            .customer(survivor)
            .addAllPeriods(periods)
            .pending(gone.get().pending())
            .addAllRefused(kept.map(CustomerOwnership::refused).orElse(List.of()))
            .version(kept.map(o -> o.version() + 1).orElse(1L))
            .build());
      }
      transfers.save(ImmutableCustomerOwnership.copyOf(gone.get())
          .withPeriods(closedAt(gone.get().periods(), now))
          .withPending(Optional.empty())
          .withVersion(gone.get().version() + 1));
      Optional<StaffId> owner = survivorKeeps ? keptOwner : goneOwner;
      log.debug("ownership merged: survivor={} absorbed={} owner={}", survivor, absorbed, owner.orElse(null));
      return owner;
    }
  }

  /** {@code periods} with the open one, if any, closed at {@code at}. */
  private static List<OwnershipPeriod> closedAt(List<OwnershipPeriod> periods, Instant at) {
    if (periods.isEmpty() || periods.get(periods.size() - 1).until().isPresent()) {
      return periods;
    }
    List<OwnershipPeriod> closed = new ArrayList<>(periods);
    int last = closed.size() - 1;
    closed.set(last, ImmutableOwnershipPeriod.copyOf(closed.get(last)).withUntil(at));
    return closed;
  }

  /**
   * Erases {@code customer}'s ownership history and pending transfer (PIPL erasure); their owner's load drops.
   *
   * @return whether there was anything to erase
   */
  public boolean forget(CustomerId customer) {
    synchronized (lock) {
      return store.forgetOwnership(customer);
    }
  }

  /** Who owns {@code customer} now, pending transfers that took effect included. */
  public Optional<StaffId> ownerOf(CustomerId customer) {
    return ownerAt(customer, clock.instant());
  }

  /**
   * Who owned {@code customer} at {@code instant}. This is the source of truth for attribution: attribute a purchase to
   * {@code ownerAt(customer, orderTime)}. Purchase events do not carry an attribution of their own, and {@code
   * CustomerProfile.owningStaff()} is only what the host last reported in a profile update.
   */
  public Optional<StaffId> ownerAt(CustomerId customer, Instant instant) {
    return ownership(customer).flatMap(o -> o.ownerAt(instant));
  }

  /** The customer's ownership history and pending transfer as of now. */
  public Optional<CustomerOwnership> ownership(CustomerId customer) {
    Instant now = clock.instant();
    return store.findOwnership(customer).map(o -> o.settledAt(now));
  }

  /** How many customers {@code staff} owns, pending incoming transfers included. */
  public int load(StaffId staff) {
    return store.load(staff);
  }

  private StaffMember activeStaff(StaffId id, String role) {
    Optional<StaffMember> member = store.findStaff(id);
    if (member.isEmpty() || !member.get().active()) {
      throw new IllegalArgumentException(role + " must be an active staff member, but " + id + " is "
          + (member.isEmpty() ? "unknown" : "departed"));
    }
    return member.get();
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> next = new ArrayList<>(list);
    next.add(item);
    return next;
  }

  /** Configures a {@link StaffDirectory}. */
  public static final class Builder {
    private StaffStore store;
    private IdSource ids;
    private Clock clock;
    private TransferPolicy policy = TransferPolicy.wecom();

    private Builder() {}

    /** Where staff and ownership are kept (required). */
    public Builder store(StaffStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The source of unguessable acquisition codes (required). */
    public Builder ids(IdSource ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** The clock transfers take effect by (required, or {@link #time}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The clock of {@code time}. */
    public Builder time(BusinessTime time) {
      return clock(time.clock());
    }

    /** The transfer rules; {@link TransferPolicy#wecom()} unless set. */
    public Builder policy(TransferPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The directory; fails naming what is missing. */
    public StaffDirectory build() {
      if (store == null) {
        throw new IllegalStateException("store is required: pass StaffStores.inMemory() or your own StaffStore");
      }
      if (ids == null) {
        throw new IllegalStateException("ids is required: pass IdSource.secure() (or IdSource.sequential in tests)");
      }
      if (clock == null) {
        throw new IllegalStateException("clock is required: pass clock(Clock) or time(BusinessTime)");
      }
      return new StaffDirectory(this);
    }
  }
}
