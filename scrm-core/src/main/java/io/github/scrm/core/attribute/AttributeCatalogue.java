package io.github.scrm.core.attribute;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes rules may read: the {@linkplain StandardAttributes standard} ones plus any the host defines.
 * Immutable and thread-safe.
 */
public final class AttributeCatalogue {

  private static final AttributeCatalogue STANDARD = new AttributeCatalogue(StandardAttributes.ALL);

  private final ImmutableMap<String, AttributeKey<?>> byName;

  private AttributeCatalogue(Collection<AttributeKey<?>> keys) {
    Map<String, AttributeKey<?>> map = new LinkedHashMap<>();
    for (AttributeKey<?> key : keys) {
      AttributeKey<?> previous = map.putIfAbsent(key.name(), key);
      if (previous != null) {
        throw new IllegalArgumentException("attribute names must be unique, but '" + key.name() + "' was defined twice");
      }
    }
    this.byName = ImmutableMap.copyOf(map);
  }

  /** The standard catalogue of scrm-core. */
  public static AttributeCatalogue standard() {
    return STANDARD;
  }

  /** This catalogue plus the host's {@code custom} attributes; a name already present is an error. */
  public AttributeCatalogue with(AttributeKey<?>... custom) {
    return with(ImmutableList.copyOf(custom));
  }

  /** This catalogue plus the host's {@code custom} attributes; a name already present is an error. */
  public AttributeCatalogue with(Collection<? extends AttributeKey<?>> custom) {
    return new AttributeCatalogue(
        ImmutableList.<AttributeKey<?>>builder().addAll(byName.values()).addAll(custom).build());
  }

  /** The attribute named {@code name}, if any. */
  public Optional<AttributeKey<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every attribute in registration order. */
  public ImmutableList<AttributeKey<?>> all() {
    return byName.values().asList();
  }

  /** Number of attributes. */
  public int size() {
    return byName.size();
  }
}
