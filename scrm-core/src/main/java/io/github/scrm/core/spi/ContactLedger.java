package io.github.scrm.core.spi;

import io.github.scrm.core.contact.ContactLimit;
import io.github.scrm.core.contact.ContactRecord;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of outbound contacts that frequency caps, platform caps and "never the same campaign twice" count against.
 * {@code io.github.scrm.core.contact.ContactLedgers.inMemory()} is the thread-safe in-memory default; extend {@code
 * ContactLedgerContract} from the {@code tests} jar to prove a host implementation.
 *
 * <p><b>Atomicity.</b> {@link #recordIfWithin} is the one operation the contact policy relies on for correctness: the
 * counting of every limit and the insertion must behave as one step per customer, so that two concurrent callers can
 * never both pass a cap of one. A SQL implementation does it in one transaction that first serialises on the customer
 * (for example {@code SELECT ... FOR UPDATE} on a per-customer row, or a PostgreSQL advisory lock on the customer id),
 * then runs one {@code COUNT(*)} per limit ({@code WHERE customer_id = ? AND contacted_at >= ? AND contacted_at < ?}
 * plus the limit's channel, purpose, bulk and campaign filters) and inserts the row when every count is below its
 * maximum. Without such a per-customer lock, the transaction needs isolation level {@code SERIALIZABLE}: {@code READ
 * COMMITTED} and {@code REPEATABLE READ} both let two transactions count zero and insert (a write skew). Contacts of
 * different customers never need to serialise with each other.
 *
 * <p>All methods are thread-safe. Infrastructure failures throw {@link io.github.scrm.core.ScrmException}; a denied
 * recording is a value, never an exception.
 */
public interface ContactLedger {

  /**
   * Records {@code record} if, among the contacts already recorded for its customer, every limit in {@code limits}
   * matches fewer than {@link ContactLimit#max()} of them; otherwise records nothing. Atomic per customer (see the
   * class comment).
   *
   * @return empty when recorded, or the first limit in {@code limits} that was already reached
   */
  Optional<ContactLimit> recordIfWithin(ContactRecord record, List<ContactLimit> limits);

  /** How many recorded contacts of {@code customer} match {@code limit}; a snapshot, not a reservation. */
  long count(CustomerId customer, ContactLimit limit);

  /** Every recorded contact of {@code customer}, oldest first. */
  List<ContactRecord> contactsOf(CustomerId customer);

  /** Removes every contact of {@code customer} (erasure); returns how many were removed. */
  int forget(CustomerId customer);

  /**
   * Removes contacts that happened before {@code cutoff}, to bound storage; returns how many were removed. Caps whose
   * window starts before {@code cutoff}, and "never the same campaign twice", no longer see those contacts: keep at
   * least as much history as the longest window and the life of a campaign.
   */
  int pruneBefore(Instant cutoff);
}
