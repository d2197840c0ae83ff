package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each attribute a rule set reads lives in a profile (cell {@code i} of a profile is at
 * {@code base + i * stride}: stride 1 for a snapshot, the table capacity for a column-major table): scalar cells ({@code long}: numbers as double bits,
 * money in minor units, instants in epoch millis, dates in epoch days, booleans 0/1, strings as dictionary codes) and
 * set slots (sorted dictionary codes). Strings are coded against the dictionary of the literals the rules mention;
 * any other string gets code -1, which equals no literal.
 */
final class Layout {

  enum Kind { NUMBER, MONEY, BOOL, STRING, INSTANT, DATE, STARTS_WITH, SET_MASK }

  /** Codes below this fit the one-word mask cell kept beside each set attribute. */
  static final int MASK_CODES = 63;

  record Cell(Kind kind, AttributeKey<?> key, String prefix) {}

  private final List<Cell> cells = new ArrayList<>();
  private final Map<String, Integer> cellIndex = new HashMap<>();
  private final List<AttributeKey<?>> setKeys = new ArrayList<>();
  private final Map<String, Integer> setIndex = new HashMap<>();
  private final Map<String, Integer> dictionary = new LinkedHashMap<>();
  private final Currency currency;
  private ImmutableMap<String, int[]> cellsByAttribute = ImmutableMap.of();
  private ImmutableMap<String, Slots> slots = ImmutableMap.of();

  /** The cells and set slot (-1 for none) that hold one attribute. */
  record Slots(int[] cells, int set) {}

  Layout(Currency currency) {
    this.currency = currency;
  }

  int cell(AttributeKey<?> key) {
    return cellIndex.computeIfAbsent(key.name(), n -> add(new Cell(kindOf(key), key, "")));
  }

  int startsWith(AttributeKey<?> key, String prefix) {
    return cellIndex.computeIfAbsent(key.name() + "\u0000startsWith\u0000" + prefix,
        n -> add(new Cell(Kind.STARTS_WITH, key, prefix)));
  }

  /** A cell holding, as bits, which of the codes below {@link #MASK_CODES} the set attribute holds. */
  int setMask(AttributeKey<?> key) {
    return cellIndex.computeIfAbsent(key.name() + "\u0000mask", n -> add(new Cell(Kind.SET_MASK, key, "")));
  }

  int set(AttributeKey<?> key) {
    return setIndex.computeIfAbsent(key.name(), n -> {
      setKeys.add(key);
      return setKeys.size() - 1;
    });
  }

  int code(String s) {
    return dictionary.computeIfAbsent(s, k -> dictionary.size());
  }

  private int add(Cell c) {
    cells.add(c);
    return cells.size() - 1;
  }

  /** Freezes the attribute-to-cells index used by incremental updates. */
  void seal() {
    Map<String, List<Integer>> byName = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      byName.computeIfAbsent(cells.get(i).key().name(), n -> new ArrayList<>()).add(i);
    }
    ImmutableMap.Builder<String, int[]> b = ImmutableMap.builder();
    byName.forEach((n, l) -> b.put(n, l.stream().mapToInt(Integer::intValue).toArray()));
    cellsByAttribute = b.build();
    Map<String, Slots> all = new HashMap<>();
    cellsByAttribute.forEach((n, c) -> all.put(n, new Slots(c, setIndexOf(n))));
    setIndex.forEach((n, i) -> all.putIfAbsent(n, new Slots(new int[0], i)));
    slots = ImmutableMap.copyOf(all);
  }

  /** Where {@code attribute} lives, or null when no rule reads it. */
  Slots slotsOf(String attribute) {
    return slots.get(attribute);
  }

  /** Reloads one attribute's cells and set; returns whether anything changed. */
  boolean reload(Slots where, AttributeValues values, Collection<String> extraTags, long[] out, int base, int stride,
      int[][] setsOut) {
    boolean changed = false;
    for (int i : where.cells()) {
      long v = encode(cells.get(i), values, extraTags);
      changed |= out[base + i * stride] != v;
      out[base + i * stride] = v;
    }
    if (where.set() >= 0) {
      int[] v = encodeSet(setKeys.get(where.set()), values, extraTags);
      changed |= !Arrays.equals(v, setsOut[base + where.set() * stride]);
      setsOut[base + where.set() * stride] = v;
    }
    return changed;
  }

  int cellCount() {
    return cells.size();
  }

  int setCount() {
    return setKeys.size();
  }

  List<Cell> cells() {
    return cells;
  }

  List<AttributeKey<?>> setKeys() {
    return setKeys;
  }

  int setIndexOf(String attribute) {
    return setIndex.getOrDefault(attribute, -1);
  }

  int[] cellsOf(String attribute) {
    return cellsByAttribute.getOrDefault(attribute, new int[0]);
  }

  private static Kind kindOf(AttributeKey<?> key) {
    return switch (key.type()) {
      case LONG, DECIMAL -> Kind.NUMBER;
      case MONEY -> Kind.MONEY;
      case BOOLEAN -> Kind.BOOL;
      case STRING -> Kind.STRING;
      case INSTANT -> Kind.INSTANT;
      case DATE -> Kind.DATE;
      case STRING_SET -> throw new IllegalArgumentException("set attribute " + key.name() + " has no scalar cell");
    };
  }

  /** Loads every cell and set of one row from {@code values}. */
  void load(AttributeValues values, Collection<String> extraTags, long[] out, int base, int stride,
      int[][] setsOut) {
    for (int i = 0; i < cells.size(); i++) {
      out[base + i * stride] = encode(cells.get(i), values, extraTags);
    }
    for (int i = 0; i < setKeys.size(); i++) {
      setsOut[base + i * stride] = encodeSet(setKeys.get(i), values, extraTags);
    }
  }

  /** Reloads the cells and set of one attribute; returns whether any cell changed. */
  boolean reload(String attribute, AttributeValues values, Collection<String> extraTags, long[] out, int base,
      int stride, int[][] setsOut) {
    boolean changed = false;
    for (int i : cellsOf(attribute)) {
      long v = encode(cells.get(i), values, extraTags);
      changed |= out[base + i * stride] != v;
      out[base + i * stride] = v;
    }
    int s = setIndexOf(attribute);
    if (s >= 0) {
      int[] v = encodeSet(setKeys.get(s), values, extraTags);
      changed |= !Arrays.equals(v, setsOut[base + s * stride]);
      setsOut[base + s * stride] = v;
    }
    return changed;
  }

  private long encode(Cell c, AttributeValues values, Collection<String> extraTags) {
    if (c.kind() == Kind.SET_MASK) {
      int[] codes = encodeSet(c.key(), values, extraTags);
      if (codes == null) {
        return Frame.ABSENT;
      }
      long mask = 0;
      for (int code : codes) {
        if (code < MASK_CODES) {
          mask |= 1L << code;
        }
      }
      return mask;
    }
    Object v = values.get(c.key());
    if (v == null) {
      return c.kind() == Kind.NUMBER ? Frame.ABSENT_NUMBER : Frame.ABSENT;
    }
    switch (c.kind()) {
      case NUMBER:
        double d = v instanceof Long l ? (double) l : ((BigDecimal) v).doubleValue();
        return Double.doubleToRawLongBits(d);
      case MONEY:
        Money m = (Money) v;
        return m.currency().equals(currency) ? m.minorUnits() : Frame.ABSENT;
      case BOOL:
        return ((Boolean) v) ? 1 : 0;
      case STRING:
        return dictionary.getOrDefault((String) v, -1);
      case INSTANT:
        return ((Instant) v).toEpochMilli();
      case DATE:
        return ((LocalDate) v).toEpochDay();
      case STARTS_WITH:
        return ((String) v).startsWith(c.prefix()) ? 1 : 0;
      default:
        throw new IllegalStateException(c.kind().name());
    }
  }

  @SuppressWarnings("unchecked")
  private int[] encodeSet(AttributeKey<?> key, AttributeValues values, Collection<String> extraTags) {
    Set<String> v = (Set<String>) values.get(key);
    boolean tags = key.equals(StandardAttributes.TAGS) && !extraTags.isEmpty();
    if (v == null && !tags) {
      return null;
    }
    int[] codes = new int[(v == null ? 0 : v.size()) + (tags ? extraTags.size() : 0)];
    int n = 0;
    if (v != null) {
      for (String s : v) {
        Integer code = dictionary.get(s);
        if (code != null) {
          codes[n++] = code;
        }
      }
    }
    if (tags) {
      for (String s : extraTags) {
        Integer code = dictionary.get(s);
        if (code != null) {
          codes[n++] = code;
        }
      }
    }
    int[] out = Arrays.copyOf(codes, n);
    Arrays.sort(out);
    return out;
  }
}
