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
  private final ConcurrentHashMap<String, String[]> singletons = new ConcurrentHashMap<>();

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

  /**
   * A one-element array holding {@code name} interned, shared by every caller that asks for the same name: most orders
   * have one line, and their brand and category arrays would otherwise be allocated and kept per order. Callers must
   * never write into it. Bounded like {@link #intern}.
   */
  String[] single(String name) {
    String[] known = singletons.get(name);
    if (known != null) {
      return known;
    }
    String[] fresh = {intern(name)};
    if (singletons.size() >= MAX) {
      return fresh;
    }
    known = singletons.putIfAbsent(name, fresh);
    return known == null ? fresh : known;
  }
}
