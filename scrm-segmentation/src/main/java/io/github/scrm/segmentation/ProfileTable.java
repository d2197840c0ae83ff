package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Many profiles in one rule set's compiled layout, stored column-friendly in flat arrays (one row per profile), with
 * each row's last result bitset: what batches run over and what a host keeps up to date incrementally. Rows are
 * written by one thread at a time per row; batch evaluation reads rows from several threads.
 */
public final class ProfileTable {

  final CompiledRuleSet owner;
  final int cellStride;
  final int setStride;
  final int words;
  long[] cells;
  int[][] sets;
  long[] results;
  CustomerId[] ids;
  private int size;

  ProfileTable(CompiledRuleSet owner, int capacity) {
    this.owner = owner;
    this.cellStride = owner.layout().cellCount();
    this.setStride = owner.layout().setCount();
    this.words = (owner.ruleIds().size() + 63) >>> 6;
    int c = Math.max(capacity, 16);
    this.cells = new long[c * cellStride];
    this.sets = new int[c * setStride][];
    this.results = new long[c * words];
    this.ids = new CustomerId[c];
  }

  /** Appends a profile and returns its row. */
  public synchronized int add(CustomerId id, AttributeValues values) {
    int row = size;
    if (row == ids.length) {
      int c = ids.length * 2;
      cells = Arrays.copyOf(cells, c * cellStride);
      sets = Arrays.copyOf(sets, c * setStride);
      results = Arrays.copyOf(results, c * words);
      ids = Arrays.copyOf(ids, c);
    }
    ids[row] = Objects.requireNonNull(id, "id");
    owner.layout().load(values, List.of(), cells, row * cellStride, sets, row * setStride);
    size++;
    return row;
  }

  /** Reloads row {@code row} entirely from {@code values}, with manual and imported tags {@code extraTags}. */
  public void reload(int row, AttributeValues values, Collection<String> extraTags) {
    checkRow(row);
    owner.layout().load(values, extraTags, cells, row * cellStride, sets, row * setStride);
  }

  /** Reloads only the {@code changed} attributes of row {@code row}. */
  public void update(int row, AttributeValues values, Collection<? extends AttributeKey<?>> changed) {
    checkRow(row);
    for (AttributeKey<?> key : changed) {
      owner.layout().reload(key.name(), values, List.of(), cells, row * cellStride, sets, row * setStride);
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

  /** Whether row {@code row} had rule {@code ruleIndex} in its last batch result. */
  public boolean has(int row, int ruleIndex) {
    checkRow(row);
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
