package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

/** Compiled set tests over sorted code arrays; an absent set is unknown. */
final class SetNode {

  private SetNode() {}

  static boolean has(int[] set, int code) {
    for (int x : set) {
      if (x >= code) {
        return x == code;
      }
    }
    return false;
  }

  static final class Contains extends BoolNode {
    private final int set;
    private final int code;

    Contains(int set, int code) {
      super(2);
      this.set = set;
      this.code = code;
    }

    @Override
    int eval(Frame f) {
      int[] s = f.set(set);
      return s == null ? UNKNOWN : has(s, code) ? TRUE : FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = b.takeLongs();
        block(b, t, scratch);
        b.releaseLongs(1);
        return;
      }
      for (int w = 0; w < Block.WORDS; w++) {
        long tt = 0;
        long ff = 0;
        int end = Math.min(b.n, (w + 1) * 64);
        for (int r = w * 64; r < end; r++) {
          int[] s = b.set(r, set);
          if (s != null) {
            long bit = 1L << r;
            if (has(s, code)) {
              tt |= bit;
            } else {
              ff |= bit;
            }
          }
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class ContainsAny extends BoolNode {
    private final int set;
    private final int[] codes;

    ContainsAny(int set, int[] codes) {
      super(3);
      this.set = set;
      this.codes = codes;
    }

    @Override
    int eval(Frame f) {
      int[] s = f.set(set);
      if (s == null) {
        return UNKNOWN;
      }
      for (int c : codes) {
        if (has(s, c)) {
          return TRUE;
        }
      }
      return FALSE;
    }
  }

  static final class ContainsAll extends BoolNode {
    private final int set;
    private final int[] codes;

    ContainsAll(int set, int[] codes) {
      super(3);
      this.set = set;
      this.codes = codes;
    }

    @Override
    int eval(Frame f) {
      int[] s = f.set(set);
      if (s == null) {
        return UNKNOWN;
      }
      for (int c : codes) {
        if (!has(s, c)) {
          return FALSE;
        }
      }
      return TRUE;
    }
  }

  /** Set tests on the mask cell, for codes below {@link Layout#MASK_CODES}: one load and one bit test. */
  static final class Mask extends BoolNode {
    private final int cell;
    private final long mask;
    private final boolean all;

    Mask(int cell, long mask, boolean all) {
      super(1);
      this.cell = cell;
      this.mask = mask;
      this.all = all;
    }

    @Override
    int eval(Frame f) {
      long v = f.cell(cell);
      if (v == Frame.ABSENT) {
        return UNKNOWN;
      }
      return (all ? (v & mask) == mask : (v & mask) != 0) ? TRUE : FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            long v = b.cell(r, cell);
            boolean in = all ? (v & mask) == mask : (v & mask) != 0;
            boolean known = v != Frame.ABSENT;
            tt |= (known && in ? 1L : 0L) << r;
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
          boolean in = all ? (v & mask) == mask : (v & mask) != 0;
          boolean known = v != Frame.ABSENT;
          tt |= (known && in ? 1L : 0L) << r;
          ff |= (known && !in ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }
}
