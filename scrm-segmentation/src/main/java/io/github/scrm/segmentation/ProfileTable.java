package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Many profiles in one rule set's compiled layout, stored column-major in flat arrays (each attribute's values for
 * all rows are contiguous, so block evaluation streams through them), with
 * each row's last result bitset: what batches run over and what a host keeps up to date incrementally. Rows are
 * added by one thread, and not while a batch runs or rows are updated (adding may move the arrays); each row is
 * updated by one thread at a time; batch evaluation reads rows from several threads.
 */
public final class ProfileTable {

  final CompiledRuleSet owner;
  private final int cellCount;
  private final int setCount;
  final int words;
  private final int ruleCount;
  int capacity;
  long[] cells;
  int[][] sets;
  long[] results;
  CustomerId[] ids;
  /** Each row's manual and imported tags, kept so that reloading profile.tags does not drop them. */
  private List<String>[] rowTags;
  private int size;

  ProfileTable(CompiledRuleSet owner, int capacity) {
    this.owner = owner;
    this.cellCount = owner.layout().cellCount();
    this.setCount = owner.layout().setCount();
    this.ruleCount = owner.ruleIds().size();
    this.words = (ruleCount + 63) >>> 6;
    int c = Math.max(capacity, 16);
    this.capacity = c;
    this.cells = new long[c * cellCount];
    this.sets = new int[c * setCount][];
    this.results = new long[c * words];
    this.ids = new CustomerId[c];
    this.rowTags = newRowTags(c);
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] newRowTags(int capacity) {
    return (List<String>[]) new List<?>[capacity];
  }

  /** Appends a profile and returns its row. */
  public int add(CustomerId id, AttributeValues values) {
    return add(id, values, List.of());
  }

  /** Appends a profile whose manual and imported tags are {@code extraTags} and returns its row. */
  public synchronized int add(CustomerId id, AttributeValues values, Collection<String> extraTags) {
    Objects.requireNonNull(extraTags, "extraTags");
    int row = size;
    if (row == ids.length) {
      int c = ids.length * 2;
      long[] newCells = new long[c * cellCount];
      for (int i = 0; i < cellCount; i++) {
        System.arraycopy(cells, i * capacity, newCells, i * c, size);
      }
      int[][] newSets = new int[c * setCount][];
      for (int i = 0; i < setCount; i++) {
        System.arraycopy(sets, i * capacity, newSets, i * c, size);
      }
      cells = newCells;
      sets = newSets;
      capacity = c;
      results = Arrays.copyOf(results, c * words);
      ids = Arrays.copyOf(ids, c);
      rowTags = Arrays.copyOf(rowTags, c);
    }
    ids[row] = Objects.requireNonNull(id, "id");
    List<String> tags = List.copyOf(extraTags);
    rowTags[row] = tags;
    owner.layout().load(values, tags, cells, row, capacity, sets);
    size++;
    return row;
  }

  /**
   * Reloads row {@code row} entirely from {@code values}, with manual and imported tags {@code extraTags}, which the
   * row keeps until the next reload.
   */
  public void reload(int row, AttributeValues values, Collection<String> extraTags) {
    checkRow(row);
    List<String> tags = List.copyOf(extraTags);
    rowTags[row] = tags;
    owner.layout().load(values, tags, cells, row, capacity, sets);
  }

  /**
   * Reloads only the {@code changed} attributes of row {@code row}; the row's manual and imported tags (from
   * {@link #add(CustomerId, AttributeValues, Collection)} or {@link #reload}) stay.
   */
  public void update(int row, AttributeValues values, Collection<? extends AttributeKey<?>> changed) {
    checkRow(row);
    for (AttributeKey<?> key : changed) {
      owner.layout().reload(key.name(), values, rowTags[row], cells, row, capacity, sets);
    }
  }

  /** Number of profiles. */
  public int size() {
    return size;
  }

  /** The customer in row {@code row}. */
  public CustomerId id(int row) {
    checkRow(row);
    return ids[row];
  }

  /**
   * Whether row {@code row} had rule {@code ruleIndex} ({@link CompiledRuleSet#indexOf}) in its last batch result; an
   * index outside the rule set, such as the -1 of an unknown id, is an {@link IndexOutOfBoundsException}.
   */
  public boolean has(int row, int ruleIndex) {
    checkRow(row);
    // rows' bitsets lie side by side: an index past the rule set would read the next row's results
    if (ruleIndex < 0 || ruleIndex >= ruleCount) {
      throw new IndexOutOfBoundsException("ruleIndex must be in [0, " + ruleCount + "), but was " + ruleIndex);
    }
    return (results[row * words + (ruleIndex >>> 6)] >>> ruleIndex & 1L) != 0;
  }

  /** The rule set whose layout this table uses. */
  public CompiledRuleSet ruleSet() {
    return owner;
  }

  private void checkRow(int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row must be in [0, " + size + "), but was " + row);
    }
  }
}
