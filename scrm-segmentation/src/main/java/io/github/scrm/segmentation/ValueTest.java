package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

/** Compiled equality and membership tests of one value against literals ({@code =}, {@code in}). */
final class ValueTest {

  private ValueTest() {}

  static final class StrEq extends BoolNode {
    private final int cell;
    private final long code;

    StrEq(int cell, int code) {
      super(1);
      this.cell = cell;
      this.code = code;
    }

    @Override
    int eval(Frame f) {
      long v = f.cell(cell);
      return v == code ? TRUE : v == Frame.ABSENT ? UNKNOWN : FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            long v = b.cell(r, cell);
            tt |= (v == code ? 1L : 0L) << r;
          }
          t[w] = tt;
        }
        return;
      }
      for (int w = 0; w < Block.WORDS; w++) {
        long tt = 0;
        long ff = 0;
        int end = Math.min(b.n, (w + 1) * 64);
        for (int r = w * 64; r < end; r++) {
          long v = b.cell(r, cell);
          tt |= (v == code ? 1L : 0L) << r;
          ff |= (v != code && v != Frame.ABSENT ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  /** String in a set of up to 64 codes below 64, as one bit test. */
  static final class StrInMask extends BoolNode {
    private final int cell;
    private final long mask;

    StrInMask(int cell, long mask) {
      super(1);
      this.cell = cell;
      this.mask = mask;
    }

    @Override
    int eval(Frame f) {
      long v = f.cell(cell);
      if (v >= 0 && v < 64) {
        return (mask >>> v & 1L) != 0 ? TRUE : FALSE;
      }
      return v == Frame.ABSENT ? UNKNOWN : FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            long v = b.cell(r, cell);
            boolean in = v >= 0 && v < 64 && (mask >>> v & 1L) != 0;
            tt |= (in ? 1L : 0L) << r;
          }
          t[w] = tt;
        }
        return;
      }
      for (int w = 0; w < Block.WORDS; w++) {
        long tt = 0;
        long ff = 0;
        int end = Math.min(b.n, (w + 1) * 64);
        for (int r = w * 64; r < end; r++) {
          long v = b.cell(r, cell);
          boolean in = v >= 0 && v < 64 && (mask >>> v & 1L) != 0;
          tt |= (in ? 1L : 0L) << r;
          ff |= (!in && v != Frame.ABSENT ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class StrIn extends BoolNode {
    private final int cell;
    private final int[] codes;

    StrIn(int cell, int[] sortedCodes) {
      super(2);
      this.cell = cell;
      this.codes = sortedCodes;
    }

    @Override
    int eval(Frame f) {
      long v = f.cell(cell);
      if (v == Frame.ABSENT) {
        return UNKNOWN;
      }
      return v >= 0 && java.util.Arrays.binarySearch(codes, (int) v) >= 0 ? TRUE : FALSE;
    }
  }

  static final class NumIn extends BoolNode {
    private final NumNode value;
    private final double[] values;

    NumIn(NumNode value, double[] values) {
      super(value.cost + 1);
      this.value = value;
      this.values = values;
    }

    @Override
    int eval(Frame f) {
      double v = value.eval(f);
      if (v != v) {
        return UNKNOWN;
      }
      for (double x : values) {
        if (x == v) {
          return TRUE;
        }
      }
      return FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = b.takeLongs();
        block(b, t, scratch);
        b.releaseLongs(1);
        return;
      }
      double[] x = b.takeDoubles();
      value.block(b, x);
      for (int w = 0; w < Block.WORDS; w++) {
        long tt = 0;
        long ff = 0;
        int end = Math.min(b.n, (w + 1) * 64);
        for (int r = w * 64; r < end; r++) {
          double v = x[r];
          boolean in = false;
          for (double c : values) {
            in |= c == v;
          }
          tt |= (in ? 1L : 0L) << r;
          ff |= (!in && v == v ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
      b.releaseDoubles(1);
    }
  }
}
