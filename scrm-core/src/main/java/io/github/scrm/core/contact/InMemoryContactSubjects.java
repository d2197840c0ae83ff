package io.github.scrm.core.contact;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.spi.ContactSubjects;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link ContactSubjects}: the host puts what it knows about each customer. Thread-safe; a later {@link
 * #put} for the same customer replaces the earlier one.
 */
public final class InMemoryContactSubjects implements ContactSubjects {

  private final ConcurrentHashMap<CustomerId, ContactSubject> subjects = new ConcurrentHashMap<>();

  /** An empty set of subjects. */
  public InMemoryContactSubjects() {}

  /** Adds or replaces {@code subject}. */
  public void put(ContactSubject subject) {
    Objects.requireNonNull(subject, "subject");
    subjects.put(subject.customer(), subject);
  }

  /** Removes the customer (erasure); returns whether they were known. */
  public boolean remove(CustomerId customer) {
    return subjects.remove(customer) != null;
  }

  @Override
  public Optional<ContactSubject> find(CustomerId customer) {
    return Optional.ofNullable(subjects.get(customer));
  }

  @Override
  public String toString() {
    return "InMemoryContactSubjects{customers=" + subjects.size() + "}";
  }
}
