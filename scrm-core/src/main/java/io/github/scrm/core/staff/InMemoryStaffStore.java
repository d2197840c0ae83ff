package io.github.scrm.core.staff;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.StaffStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Maps plus two indexes (owner to customers, pending transfers), all guarded by this object's monitor. */
final class InMemoryStaffStore implements StaffStore {

  private final Map<StaffId, StaffMember> staff = new TreeMap<>();
  private final Map<AcquisitionCode, StaffId> codes = new HashMap<>();
  private final Map<CustomerId, CustomerOwnership> ownerships = new HashMap<>();
  private final Map<StaffId, TreeSet<CustomerId>> owned = new HashMap<>();
  private final Map<StaffId, Integer> pendingTo = new HashMap<>();
  private final TreeMap<CustomerId, PendingTransfer> pending = new TreeMap<>();

  @Override
  public synchronized void saveStaff(StaffMember member) {
    Objects.requireNonNull(member, "member");
    for (AcquisitionCode code : member.codes()) {
      StaffId holder = codes.get(code);
      if (holder != null && !holder.equals(member.id())) {
        throw new IllegalArgumentException(
            "acquisition code must belong to one staff member, but " + code + " already belongs to " + holder);
      }
    }
    StaffMember previous = staff.put(member.id(), member);
    if (previous != null) {
      previous.codes().forEach(codes::remove);
    }
    member.codes().forEach(code -> codes.put(code, member.id()));
  }

  @Override
  public synchronized Optional<StaffMember> findStaff(StaffId id) {
    return Optional.ofNullable(staff.get(id));
  }

  @Override
  public synchronized Optional<StaffMember> findByCode(AcquisitionCode code) {
    StaffId holder = codes.get(code);
    return holder == null ? Optional.empty() : Optional.ofNullable(staff.get(holder));
  }

  @Override
  public synchronized List<StaffMember> allStaff() {
    return List.copyOf(staff.values());
  }

  @Override
  public synchronized Optional<CustomerOwnership> findOwnership(CustomerId customer) {
    return Optional.ofNullable(ownerships.get(customer));
  }

  @Override
  public synchronized boolean saveOwnership(CustomerOwnership ownership) {
    Objects.requireNonNull(ownership, "ownership");
    CustomerOwnership previous = ownerships.get(ownership.customer());
    long storedVersion = previous == null ? 0 : previous.version();
    if (storedVersion != ownership.version() - 1) {
      return false;
    }
    if (previous != null) {
      unindex(previous);
    }
    ownerships.put(ownership.customer(), ownership);
    index(ownership);
    return true;
  }

  @Override
  public synchronized boolean forgetOwnership(CustomerId customer) {
    CustomerOwnership previous = ownerships.remove(customer);
    if (previous == null) {
      return false;
    }
    unindex(previous);
    return true;
  }

  private void index(CustomerOwnership ownership) {
    ownership.currentOwner().ifPresent(
        owner -> owned.computeIfAbsent(owner, k -> new TreeSet<>()).add(ownership.customer()));
    ownership.pending().ifPresent(transfer -> {
      pending.put(ownership.customer(), transfer);
      pendingTo.merge(transfer.to(), 1, Integer::sum);
    });
  }

  private void unindex(CustomerOwnership ownership) {
    ownership.currentOwner().ifPresent(owner -> {
      TreeSet<CustomerId> customers = owned.get(owner);
      customers.remove(ownership.customer());
      if (customers.isEmpty()) {
        owned.remove(owner);
      }
    });
    ownership.pending().ifPresent(transfer -> {
      pending.remove(ownership.customer());
      pendingTo.computeIfPresent(transfer.to(), (k, n) -> n == 1 ? null : n - 1);
    });
  }

  @Override
  public synchronized List<CustomerId> ownedBy(StaffId staffId) {
    TreeSet<CustomerId> customers = owned.get(staffId);
    return customers == null ? List.of() : List.copyOf(customers);
  }

  @Override
  public synchronized int load(StaffId staffId) {
    TreeSet<CustomerId> customers = owned.get(staffId);
    return (customers == null ? 0 : customers.size()) + pendingTo.getOrDefault(staffId, 0);
  }

  @Override
  public synchronized List<CustomerId> pendingDueBy(Instant instant) {
    List<CustomerId> due = new ArrayList<>();
    pending.forEach((customer, transfer) -> {
      if (!transfer.effectiveAt().isAfter(instant)) {
        due.add(customer);
      }
    });
    return due;
  }

  @Override
  public synchronized String toString() {
    return "InMemoryStaffStore{staff=" + staff.size() + ", customers=" + ownerships.size() + "}";
  }
}
