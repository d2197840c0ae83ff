package io.github.scrm.core.spi;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The narrow view of the identity graph that referrals need: which existing customer a set of identifiers belongs to,
 * which identifiers are known for a customer, and since when a customer exists. Referrals use it so that an existing
 * customer is never counted as a "new" referee, so that two supporters are two natural persons and not two scans, and
 * to detect self-referrals through any shared identifier (phone, unionid, device id, payment account, address hash).
 *
 * <p>The profile module implements it over its identity index; {@link #inMemory()} is the default for tests and small
 * hosts. Implementations must be thread-safe and cheap (they are called for every scan and support) and must not
 * throw for unknown identifiers or customers: absence is an empty result. A broken backend throws {@link
 * io.github.scrm.core.ScrmException}.
 */
public interface PersonDirectory {

  /**
   * The existing customer any of {@code identifiers} belongs to, or empty when none is known. When the identifiers
   * belong to several customers, implementations return the one with the smallest id (a deterministic choice).
   */
  Optional<CustomerId> resolve(Collection<Identifier> identifiers);

  /** Every identifier known for {@code customer}; empty for an unknown customer. */
  Set<Identifier> identifiersOf(CustomerId customer);

  /** When {@code customer} became known (member since, first seen), or empty when the customer is unknown. */
  Optional<Instant> firstSeen(CustomerId customer);

  /**
   * Whether {@code customer} placed an order other than {@code orderId} at or after {@code since} and before
   * {@code orderId} (placed at {@code at}), as the customer's recorded orders show; empty when this directory does
   * not know the customer's orders. A first-purchase programme asks it so that the first purchase is the first by the
   * time it was placed, whatever order the purchases are reported in and across restarts; without an answer it takes
   * the first purchase reported to it since it started. The default answers nothing.
   */
  default Optional<Boolean> hasOrderBefore(CustomerId customer, Instant since, String orderId, Instant at) {
    return Optional.empty();
  }

  /**
   * The customers merged into {@code customer}, directly or through another, not merged back out: the same natural
   * person under ids the identity graph has since folded into this one; empty when none. A referee registered under
   * such an id is found again when their purchase arrives under the surviving id. The default, for a directory that
   * never merges customers, answers none.
   */
  default Set<CustomerId> mergedInto(CustomerId customer) {
    return Set.of();
  }

  /**
   * Whether {@code customer}'s personal data was erased (PIPL): their codes and posters refer nobody any more, and no
   * reward is paid to them. The default, for a directory without erasure, answers no.
   */
  default boolean isErased(CustomerId customer) {
    return false;
  }

  /** A thread-safe, empty in-memory directory to populate with {@link InMemoryPersonDirectory#add}. */
  static InMemoryPersonDirectory inMemory() {
    return new InMemoryPersonDirectory();
  }

  /** The default directory: customers and their identifiers held in memory. */
  final class InMemoryPersonDirectory implements PersonDirectory {
    private final Map<String, CustomerId> byIdentifier = new ConcurrentHashMap<>();
    private final Map<CustomerId, Set<Identifier>> identifiers = new ConcurrentHashMap<>();
    private final Map<CustomerId, Instant> firstSeen = new ConcurrentHashMap<>();

    InMemoryPersonDirectory() {}

    /**
     * Records {@code customer} as known since {@code since} (the earlier instant wins when added twice) and links
     * {@code ids} to it. An identifier already linked to another customer is refused, as the identity graph would.
     *
     * @throws IllegalArgumentException when an identifier belongs to another customer
     */
    public synchronized InMemoryPersonDirectory add(CustomerId customer, Instant since, Identifier... ids) {
      for (Identifier id : ids) {
        CustomerId owner = byIdentifier.get(id.key());
        if (owner != null && !owner.equals(customer)) {
          throw new IllegalArgumentException(
              "identifier " + id + " already belongs to customer " + owner + ", not " + customer);
        }
      }
      firstSeen.merge(customer, since, (a, b) -> a.isBefore(b) ? a : b);
      Set<Identifier> known = identifiers.computeIfAbsent(customer, c -> ConcurrentHashMap.newKeySet());
      for (Identifier id : ids) {
        byIdentifier.put(id.key(), customer);
        known.add(id);
      }
      return this;
    }

    @Override
    public Optional<CustomerId> resolve(Collection<Identifier> ids) {
      CustomerId best = null;
      for (Identifier id : ids) {
        CustomerId owner = byIdentifier.get(id.key());
        if (owner != null && (best == null || owner.compareTo(best) < 0)) {
          best = owner;
        }
      }
      return Optional.ofNullable(best);
    }

    @Override
    public Set<Identifier> identifiersOf(CustomerId customer) {
      Set<Identifier> known = identifiers.get(customer);
      return known == null ? Set.of() : ImmutableSet.copyOf(known);
    }

    @Override
    public Optional<Instant> firstSeen(CustomerId customer) {
      return Optional.ofNullable(firstSeen.get(customer));
    }

    @Override
    public String toString() {
      return "InMemoryPersonDirectory[" + firstSeen.size() + " customers]";
    }
  }
}
