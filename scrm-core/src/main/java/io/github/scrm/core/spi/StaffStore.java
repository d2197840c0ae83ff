package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.CustomerOwnership;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where staff members and customer ownership are kept. {@code io.github.scrm.core.staff.StaffStores.inMemory()} is the
 * thread-safe in-memory default; extend {@code StaffStoreContract} from the {@code tests} jar to prove a host
 * implementation.
 *
 * <p>Ownership uses optimistic concurrency: {@link #saveOwnership} succeeds only when the stored version is exactly
 * one less than the new one (absent counts as 0), so that two writers never overwrite each other's change. A SQL
 * implementation does {@code UPDATE ... WHERE customer_id = ? AND version = ?} (or an {@code INSERT} that fails on
 * the primary key for version 1) at {@code READ COMMITTED}. Staff-level limits (a maximum of owned customers) are
 * counted by {@link #load}; a host running several instances against one database accepts that two instances may
 * each take the last free place unless it serialises acquisitions per staff member.
 *
 * <p>All methods are thread-safe. Infrastructure failures throw {@link io.github.scrm.core.ScrmException}.
 */
public interface StaffStore {

  /** Inserts or replaces the staff member with the same id; their codes must not belong to anyone else. */
  void saveStaff(StaffMember member);

  /** The staff member, active or departed. */
  Optional<StaffMember> findStaff(StaffId id);

  /** The staff member currently holding {@code code}. */
  Optional<StaffMember> findByCode(AcquisitionCode code);

  /** Every staff member, active or departed, in order of id. */
  List<StaffMember> allStaff();

  /** The customer's ownership as last saved. */
  Optional<CustomerOwnership> findOwnership(CustomerId customer);

  /**
   * Saves {@code ownership} if the stored version is {@code ownership.version() - 1} (no record counts as version 0).
   *
   * @return whether it was saved; {@code false} means another writer changed it first
   */
  boolean saveOwnership(CustomerOwnership ownership);

  /** Removes everything about {@code customer}'s ownership (erasure); returns whether there was anything. */
  boolean forgetOwnership(CustomerId customer);

  /** Customers whose open ownership period, as saved, belongs to {@code staff}, in order of id. */
  List<CustomerId> ownedBy(StaffId staff);

  /** How many customers {@code staff} owns as saved plus how many pending transfers lead to them. */
  int load(StaffId staff);

  /** Customers with a pending transfer effective at or before {@code instant}, in order of id. */
  List<CustomerId> pendingDueBy(Instant instant);
}
