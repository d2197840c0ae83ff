package io.github.scrm.coupons.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map from order line id to an amount (fen or quantity), kept as an array of ids and an array of
 * {@code long}s. A reservation keeps three such maps for as long as the store keeps it; as {@code Map.ofEntries} they
 * are a map, a table and a boxed {@code Long} per line each, here the quantities and net amounts share one id array
 * and one value array. Fewer long-lived objects per reservation make every young collection cheaper.
 *
 * <p>Iterates in line order. {@link #get} scans the ids, which is quick for the few lines of an order.
 */
public final class LineAmounts extends AbstractMap<String, Long> {
  private final String[] ids;
  private final long[] values;
  private final int from;

  private LineAmounts(String[] ids, long[] values, int from) {
    this.ids = ids;
    this.values = values;
    this.from = from;
  }

  /**
   * A map of {@code ids[i]} to {@code values[from + i]}. The arrays are kept, not copied: the caller hands them over
   * and never changes them; the ids are distinct and not null.
   */
  public static Map<String, Long> of(String[] ids, long[] values, int from) {
    if (from < 0 || from + ids.length > values.length) {
      throw new IllegalArgumentException("values must hold " + ids.length + " amounts from index " + from
          + ", but has " + values.length);
    }
    return new LineAmounts(ids, values, from);
  }

  /** {@code map} itself when it is a {@code LineAmounts}, an immutable copy otherwise. */
  public static Map<String, Long> copyOf(Map<String, Long> map) {
    return map instanceof LineAmounts ? map : Map.copyOf(map);
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Long get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[from + i];
  }

  @Override
  public Long getOrDefault(Object key, Long defaultValue) {
    int i = indexOf(key);
    return i < 0 ? defaultValue : values[from + i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Long> action) {
    for (int i = 0; i < ids.length; i++) {
      action.accept(ids[i], values[from + i]);
    }
  }

  private int indexOf(Object key) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return ids.length;
      }

      @Override
      public Iterator<Entry<String, Long>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < ids.length;
          }

          @Override
          public Entry<String, Long> next() {
            if (next >= ids.length) {
              throw new NoSuchElementException("no line after index " + (next - 1));
            }
            int i = next++;
            return new SimpleImmutableEntry<>(ids[i], values[from + i]);
          }
        };
      }
    };
  }
}
