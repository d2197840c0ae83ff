package io.github.scrm.segmentation.spi;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where audiences and version diffs read profiles: each customer's attribute values as of now, and the manual and
 * imported tags that {@code hasTag} sees besides the profile's own. Implementations must be safe for concurrent
 * reads; {@link #ids()} lists each customer once.
 */
public interface ProfileLookup {

  /** The values of {@code customer}, empty when unknown. */
  Optional<AttributeValues> find(CustomerId customer);

  /** Every customer. */
  Stream<CustomerId> ids();

  /**
   * The manual and imported tags of {@code customer} (typically {@code TagBook.extraTags}); none unless the lookup is
   * built {@link #withExtraTags with them}.
   */
  default Collection<String> extraTags(CustomerId customer) {
    return List.of();
  }

  /** This lookup with the manual and imported tags {@code extraTags} gives, such as {@code tagBook::extraTags}. */
  default ProfileLookup withExtraTags(Function<CustomerId, ? extends Collection<String>> extraTags) {
    Objects.requireNonNull(extraTags, "extraTags");
    ProfileLookup profiles = this;
    return new ProfileLookup() {
      @Override
      public Optional<AttributeValues> find(CustomerId customer) {
        return profiles.find(customer);
      }

      @Override
      public Stream<CustomerId> ids() {
        return profiles.ids();
      }

      @Override
      public Collection<String> extraTags(CustomerId customer) {
        return Objects.requireNonNull(extraTags.apply(customer), "extraTags of " + customer);
      }
    };
  }

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
