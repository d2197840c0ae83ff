package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

/**
 * A compiled condition: returns {@link Frame#TRUE}, {@link Frame#FALSE} or {@link Frame#UNKNOWN} (Kleene logic). Each
 * subclass is small and final so that the JIT can inline the common shapes; nothing allocates.
 */
abstract class BoolNode {

  /** Relative cost used to put cheap operands first in {@code and}/{@code or}. */
  final int cost;

  BoolNode(int cost) {
    this.cost = cost;
  }

  abstract int eval(Frame f);

  /**
   * Block form: sets bit r of {@code t} (of {@code f}) when row r of the block is TRUE (FALSE). {@code f} is null
   * when the caller needs only the TRUE rows (no {@code not} above), which saves half the work in the leaves. The
   * default evaluates row by row; the shapes that matter for speed override it.
   */
  void block(Block b, long[] t, long[] f) {
    for (int w = 0; w < Block.WORDS; w++) {
      long tt = 0;
      long ff = 0;
      int end = Math.min(b.n, (w + 1) * 64);
      for (int r = w * 64; r < end; r++) {
        int v = eval(b.frameAt(r));
        tt |= (v == TRUE ? 1L : 0L) << r;
        ff |= (v == FALSE ? 1L : 0L) << r;
      }
      t[w] = tt;
      if (f != null) {
        f[w] = ff;
      }
    }
  }

  static int not(int v) {
    return v == UNKNOWN ? UNKNOWN : 1 - v;
  }

  static final class Const extends BoolNode {
    private final int value;

    Const(int value) {
      super(0);
      this.value = value;
    }

    @Override
    int eval(Frame f) {
      return value;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      java.util.Arrays.fill(t, value == TRUE ? -1L : 0L);
      if (f != null) {
        java.util.Arrays.fill(f, value == FALSE ? -1L : 0L);
      }
    }
  }

  static final class Cell extends BoolNode {
    private final int cell;

    Cell(int cell) {
      super(1);
      this.cell = cell;
    }

    @Override
    int eval(Frame f) {
      long v = f.cell(cell);
      return v == Frame.ABSENT ? UNKNOWN : (int) v;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            long v = b.cell(r, cell);
            tt |= (v == 1 ? 1L : 0L) << r;
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
          tt |= (v == 1 ? 1L : 0L) << r;
          ff |= (v == 0 ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class Present extends BoolNode {
    private final int cell;
    private final boolean number;

    Present(int cell, boolean number) {
      super(1);
      this.cell = cell;
      this.number = number;
    }

    @Override
    int eval(Frame f) {
      return number ? (Double.isNaN(f.number(cell)) ? FALSE : TRUE) : (f.cell(cell) == Frame.ABSENT ? FALSE : TRUE);
    }
  }

  static final class PresentSet extends BoolNode {
    private final int set;

    PresentSet(int set) {
      super(1);
      this.set = set;
    }

    @Override
    int eval(Frame f) {
      return f.set(set) == null ? FALSE : TRUE;
    }
  }

  static final class Not extends BoolNode {
    private final BoolNode a;

    Not(BoolNode a) {
      super(a.cost);
      this.a = a;
    }

    @Override
    int eval(Frame f) {
      return not(a.eval(f));
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = b.takeLongs();
        a.block(b, scratch, t);
        b.releaseLongs(1);
      } else {
        a.block(b, f, t);
      }
    }
  }

  /** Evaluates a shared sub-condition once per profile. */
  static final class Memo extends BoolNode {
    private final BoolNode a;
    private final int slot;

    Memo(BoolNode a, int slot) {
      super(1);
      this.a = a;
      this.slot = slot;
    }

    @Override
    int eval(Frame f) {
      if (f.stamp[slot] == f.generation) {
        return (int) f.longMemo[slot];
      }
      int v = a.eval(f);
      f.longMemo[slot] = v;
      f.stamp[slot] = f.generation;
      return v;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      long[] mt = b.longMemo[slot];
      long[] mf = b.falseMemo[slot];
      if (b.memoStamp[slot] != b.generation) {
        a.block(b, mt, mf);
        b.memoStamp[slot] = b.generation;
      }
      System.arraycopy(mt, 0, t, 0, Block.WORDS);
      if (f != null) {
        System.arraycopy(mf, 0, f, 0, Block.WORDS);
      }
    }
  }

  static final class RuleRef extends BoolNode {
    private final int rule;

    RuleRef(int rule) {
      super(1);
      this.rule = rule;
    }

    @Override
    int eval(Frame f) {
      return f.state[rule] == TRUE ? TRUE : FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      long[] rt = b.ruleTrue[rule];
      for (int w = 0; w < Block.WORDS; w++) {
        t[w] = rt[w];
        if (f != null) {
          f[w] = ~rt[w];
        }
      }
    }
  }

  /** Equality of two conditions; unknown when either is. */
  static final class Equal extends BoolNode {
    private final BoolNode a;
    private final BoolNode b;
    private final boolean negate;

    Equal(BoolNode a, BoolNode b, boolean negate) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
      this.negate = negate;
    }

    @Override
    int eval(Frame f) {
      int x = a.eval(f);
      int y = b.eval(f);
      if (x == UNKNOWN || y == UNKNOWN) {
        return UNKNOWN;
      }
      return (x == y) != negate ? TRUE : FALSE;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = b.takeLongs();
        block(b, t, scratch);
        b.releaseLongs(1);
        return;
      }
      long[] ta = b.takeLongs();
      long[] fa = b.takeLongs();
      long[] tb = b.takeLongs();
      long[] fb = b.takeLongs();
      a.block(b, ta, fa);
      this.b.block(b, tb, fb);
      for (int w = 0; w < Block.WORDS; w++) {
        long eq = (ta[w] & tb[w]) | (fa[w] & fb[w]);
        long ne = (ta[w] & fb[w]) | (fa[w] & tb[w]);
        t[w] = negate ? ne : eq;
        f[w] = negate ? eq : ne;
      }
      b.releaseLongs(4);
    }
  }

  static int sum(BoolNode[] ops) {
    int c = 0;
    for (BoolNode op : ops) {
      c += op.cost;
    }
    return c;
  }
}
