package io.github.scrm.core.contact;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per customer, an immutable array of contacts ordered by time, replaced on every change inside {@link
 * ConcurrentHashMap#compute}: the map locks only the customer's bin, so checks of different customers never wait for
 * each other, and readers see a consistent snapshot without locking.
 */
final class InMemoryContactLedger implements ContactLedger {

  private static final ContactRecord[] NONE = new ContactRecord[0];

  private final ConcurrentHashMap<CustomerId, ContactRecord[]> byCustomer = new ConcurrentHashMap<>();

  @Override
  public Optional<ContactLimit> recordIfWithin(ContactRecord record, List<ContactLimit> limits) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(limits, "limits");
    ContactLimit[] reached = new ContactLimit[1];
    byCustomer.compute(record.customer(), (customer, existing) -> {
      ContactRecord[] current = existing == null ? NONE : existing;
      for (ContactLimit limit : limits) {
        if (count(current, limit) >= limit.max()) {
          reached[0] = limit;
          return existing;
        }
      }
      return insert(current, record);
    });
    return Optional.ofNullable(reached[0]);
  }

  @Override
  public long count(CustomerId customer, ContactLimit limit) {
    ContactRecord[] current = byCustomer.get(customer);
    return current == null ? 0 : count(current, limit);
  }

  private static int count(ContactRecord[] records, ContactLimit limit) {
    int count = 0;
    // records are ordered by time: start at the window, stop after it
    for (int i = firstAtOrAfter(records, limit.from()); i < records.length; i++) {
      ContactRecord r = records[i];
      if (!r.at().isBefore(limit.until())) {
        break;
      }
      if (limit.matches(r)) {
        count++;
      }
    }
    return count;
  }

  private static int firstAtOrAfter(ContactRecord[] records, Instant from) {
    int low = 0;
    int high = records.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (records[mid].at().isBefore(from)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static ContactRecord[] insert(ContactRecord[] records, ContactRecord record) {
    // after every record at or before it, so equal instants keep arrival order
    int at = records.length;
    while (at > 0 && records[at - 1].at().isAfter(record.at())) {
      at--;
    }
    ContactRecord[] next = new ContactRecord[records.length + 1];
    System.arraycopy(records, 0, next, 0, at);
    next[at] = record;
    System.arraycopy(records, at, next, at + 1, records.length - at);
    return next;
  }

  @Override
  public List<ContactRecord> contactsOf(CustomerId customer) {
    ContactRecord[] current = byCustomer.get(customer);
    return current == null ? List.of() : List.of(current);
  }

  @Override
  public int forget(CustomerId customer) {
    ContactRecord[] removed = byCustomer.remove(customer);
    return removed == null ? 0 : removed.length;
  }

  @Override
  public int pruneBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int[] removed = new int[1];
    for (CustomerId customer : byCustomer.keySet()) {
      byCustomer.computeIfPresent(customer, (id, records) -> {
        int drop = firstAtOrAfter(records, cutoff);
        removed[0] += drop;
        if (drop == 0) {
          return records;
        }
        return drop == records.length ? null : Arrays.copyOfRange(records, drop, records.length);
      });
    }
    return removed[0];
  }

  @Override
  public String toString() {
    return "InMemoryContactLedger{customers=" + byCustomer.size() + "}";
  }
}
