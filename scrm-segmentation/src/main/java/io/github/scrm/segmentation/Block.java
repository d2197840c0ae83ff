package io.github.scrm.segmentation;

import io.github.scrm.segmentation.rule.Expression.CompareOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Block evaluation: a rule set evaluated over up to {@link #ROWS} consecutive table rows at once. Conditions produce
 * two bitsets per block, one bit per row: TRUE rows and FALSE rows (a row in neither is UNKNOWN), so {@code and},
 * {@code or} and {@code not} are a few word operations for 64 rows; leaves are tight loops over the rows. Every node
 * is called once per block instead of once per row, which takes virtual dispatch out of the per-profile cost.
 */
final class Block {

  static final int ROWS = 256;
  static final int WORDS = ROWS / 64;

  final Frame frame;
  long[] cells;
  int[][] sets;
  int capacity;
  int firstRow;
  int n;
  int generation;

  private final List<long[]> longs = new ArrayList<>();
  private final List<double[]> doubles = new ArrayList<>();
  private int longTop;
  private int doubleTop;

  final long[][] ruleTrue;
  final double[][] numMemo;
  final long[][] longMemo;
  final long[][] falseMemo;
  final int[] memoStamp;

  Block(Frame frame, int memoSlots, int rules) {
    this.frame = frame;
    this.ruleTrue = new long[rules][WORDS];
    this.numMemo = new double[memoSlots][ROWS];
    this.longMemo = new long[memoSlots][ROWS];
    this.falseMemo = new long[memoSlots][WORDS];
    this.memoStamp = new int[memoSlots];
  }

  /** Positions on rows {@code [firstRow, firstRow + n)} of a column-major table of {@code capacity} rows. */
  void rows(long[] cells, int[][] sets, int capacity, int firstRow, int n) {
    this.cells = cells;
    this.sets = sets;
    this.capacity = capacity;
    this.firstRow = firstRow;
    this.n = n;
    generation++;
  }

  /** Positions the row-at-a-time frame on row {@code r} of the block, for nodes without a block form. */
  Frame frameAt(int r) {
    frame.row(cells, sets, firstRow + r, capacity);
    return frame;
  }

  long cell(int r, int cell) {
    return cells[cell * capacity + firstRow + r];
  }

  double number(int r, int cell) {
    return Double.longBitsToDouble(cells[cell * capacity + firstRow + r]);
  }

  int[] set(int r, int set) {
    return sets[set * capacity + firstRow + r];
  }

  // ---- scratch arrays, taken and released in stack order by nodes that need space for their operands

  long[] takeLongs() {
    if (longTop == longs.size()) {
      longs.add(new long[ROWS]);
    }
    return longs.get(longTop++);
  }

  void releaseLongs(int count) {
    longTop -= count;
  }

  double[] takeDoubles() {
    if (doubleTop == doubles.size()) {
      doubles.add(new double[ROWS]);
    }
    return doubles.get(doubleTop++);
  }

  void releaseDoubles(int count) {
    doubleTop -= count;
  }

  /** TRUE and FALSE masks from a three-valued comparison of numbers: NaN on either side is UNKNOWN. */
  static void compare(double[] x, double[] y, CompareOp op, int n, long[] t, long[] f) {
    for (int w = 0; w < WORDS; w++) {
      long tt = 0;
      long ff = 0;
      int end = Math.min(n, (w + 1) * 64);
      for (int r = w * 64; r < end; r++) {
        double a = x[r];
        double b = y[r];
        boolean known = a == a && b == b;
        boolean res = switch (op) {
          case GT -> a > b;
          case GE -> a >= b;
          case LT -> a < b;
          case LE -> a <= b;
          case EQ -> a == b;
          case NE -> a != b;
        };
        tt |= (known && res ? 1L : 0L) << r;
        ff |= (known && !res ? 1L : 0L) << r;
      }
      t[w] = tt;
      f[w] = ff;
    }
  }

  /** TRUE and FALSE masks from a three-valued comparison of money (ABSENT on either side is UNKNOWN). */
  static void compare(long[] x, long[] y, CompareOp op, int n, long[] t, long[] f) {
    for (int w = 0; w < WORDS; w++) {
      long tt = 0;
      long ff = 0;
      int end = Math.min(n, (w + 1) * 64);
      for (int r = w * 64; r < end; r++) {
        long a = x[r];
        long b = y[r];
        boolean known = a != Frame.ABSENT && b != Frame.ABSENT;
        boolean res = op.test(Long.compare(a, b));
        tt |= (known && res ? 1L : 0L) << r;
        ff |= (known && !res ? 1L : 0L) << r;
      }
      t[w] = tt;
      f[w] = ff;
    }
  }

  /** Sets the masks from a per-row three-valued value. */
  static void fromStates(int[] states, int n, long[] t, long[] f) {
    for (int w = 0; w < WORDS; w++) {
      long tt = 0;
      long ff = 0;
      int end = Math.min(n, (w + 1) * 64);
      for (int r = w * 64; r < end; r++) {
        tt |= (states[r] == Frame.TRUE ? 1L : 0L) << r;
        ff |= (states[r] == Frame.FALSE ? 1L : 0L) << r;
      }
      t[w] = tt;
      f[w] = ff;
    }
  }
}
