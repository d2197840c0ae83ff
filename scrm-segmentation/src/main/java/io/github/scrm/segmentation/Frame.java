package io.github.scrm.segmentation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The mutable evaluation context of one thread: which profile row is read, the evaluation instant and its calendar
 * facts, memo slots for shared sub-expressions and the three-valued result of every rule. Reused across profiles so
 * that evaluation allocates nothing.
 */
final class Frame {

  static final int FALSE = 0;
  static final int TRUE = 1;
  static final int UNKNOWN = 2;
  /** The absent value of long cells; absent numbers are NaN. */
  static final long ABSENT = Long.MIN_VALUE;
  static final long ABSENT_NUMBER = Double.doubleToRawLongBits(Double.NaN);
  static final long DAY_MILLIS = 86_400_000L;

  long[] cells = new long[0];
  int cellBase;
  int stride = 1;
  int[][] sets = new int[0][];

  long asOfMillis;
  long todayEpochDay;
  int month;
  int dayOfYear;
  long nextDayStartMillis;
  long nextMonthStartMillis;
  final ZoneId zone;

  final double[] numMemo;
  final long[] longMemo;
  final int[] stamp;
  int generation = 1;

  final byte[] state;

  Frame(ZoneId zone, int memoSlots, int rules) {
    this.zone = zone;
    this.numMemo = new double[memoSlots];
    this.longMemo = new long[memoSlots];
    this.stamp = new int[memoSlots];
    this.state = new byte[rules];
  }

  void at(Instant asOf) {
    asOfMillis = asOf.toEpochMilli();
    LocalDate today = LocalDate.ofInstant(asOf, zone);
    todayEpochDay = today.toEpochDay();
    month = today.getMonthValue();
    dayOfYear = today.getDayOfYear();
    nextDayStartMillis = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    nextMonthStartMillis = today.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** Positions on one profile: cell i at {@code cells[base + i * stride]}, set j at {@code sets[base + j * stride]}. */
  void row(long[] cells, int[][] sets, int base, int stride) {
    this.cells = cells;
    this.cellBase = base;
    this.sets = sets;
    this.stride = stride;
    if (++generation == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      generation = 1;
    }
  }

  long cell(int i) {
    return cells[cellBase + i * stride];
  }

  double number(int i) {
    return Double.longBitsToDouble(cells[cellBase + i * stride]);
  }

  int[] set(int i) {
    return sets[cellBase + i * stride];
  }
}
