package io.github.scrm.core.spi;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.customer.CustomerId;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * A set of customers a campaign targets. Segmentation implements it from a condition plus the contact policy and the
 * customer's no-personalised-marketing flag; hosts may implement it over their own lists.
 *
 * <p>Implementations must be safe for concurrent reads. {@link #contains} is called on every claim and must be cheap.
 */
public interface Audience {

  /** A short name for reports and audit entries. */
  String name();

  /** Whether {@code customer} belongs to the audience now. */
  boolean contains(CustomerId customer);

  /** The members, for bulk issuance; each member at most once. */
  Stream<CustomerId> members();

  /** An audience of a fixed set of customers. */
  static Audience of(String name, Collection<CustomerId> customers) {
    ImmutableSet<CustomerId> set = ImmutableSet.copyOf(customers);
    return new Audience() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean contains(CustomerId customer) {
        return set.contains(customer);
      }

      @Override
      public Stream<CustomerId> members() {
        return set.stream();
      }

      @Override
      public String toString() {
        return "Audience[" + name + ", " + set.size() + " customers]";
      }
    };
  }
}
