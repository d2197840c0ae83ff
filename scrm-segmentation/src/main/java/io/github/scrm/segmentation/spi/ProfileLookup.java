package io.github.scrm.segmentation.spi;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where audiences and version diffs read profiles: each customer's attribute values as of now. Implementations must
 * be safe for concurrent reads; {@link #ids()} lists each customer once.
 */
public interface ProfileLookup {

  /** The values of {@code customer}, empty when unknown. */
  Optional<AttributeValues> find(CustomerId customer);

  /** Every customer. */
  Stream<CustomerId> ids();

  /** An immutable in-memory lookup over {@code profiles}. */
  static ProfileLookup of(Map<CustomerId, ? extends AttributeValues> profiles) {
    ImmutableMap<CustomerId, AttributeValues> copy = ImmutableMap.copyOf(profiles);
    return new ProfileLookup() {
      @Override
      public Optional<AttributeValues> find(CustomerId customer) {
        return Optional.ofNullable(copy.get(customer));
      }

      @Override
      public Stream<CustomerId> ids() {
        return copy.keySet().stream();
      }
    };
  }
}
