package io.github.scrm.core.profile;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one copy of the low-cardinality names profiles repeat (brands, categories, channels, stores, cities,
 * topics). Bounded: past {@link #MAX} distinct names, new ones are kept as given instead of interned, so a host
 * sending unbounded values (order ids in a brand field) cannot grow it without limit. Thread-safe.
 */
final class Names {

  static final int MAX = 100_000;

  private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

  String intern(String name) {
    String known = names.get(name);
    if (known != null) {
      return known;
    }
    if (names.size() >= MAX) {
      return name;
    }
    known = names.putIfAbsent(name, name);
    return known == null ? name : known;
  }
}
