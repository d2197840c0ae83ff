package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

import io.github.scrm.segmentation.rule.Expression.CompareOp;

/**
 * Compiled comparisons of numbers. A cell compared with a constant has one class per operator so that each is a
 * single branch; NaN (absent) on either side gives UNKNOWN.
 */
final class NumCompare {

  private NumCompare() {}

  static BoolNode compareCell(int cell, CompareOp op, double c) {
    return switch (op) {
      case GT -> new CellGt(cell, c);
      case GE -> new CellGe(cell, c);
      case LT -> new CellLt(cell, c);
      case LE -> new CellLe(cell, c);
      case EQ -> new CellEq(cell, c);
      case NE -> new BoolNode.Not(new CellEq(cell, c));
    };
  }

  static final class CellGt extends BoolNode {
    private final int cell;
    private final double c;

    CellGt(int cell, double c) {
      super(1);
      this.cell = cell;
      this.c = c;
    }

    @Override
    int eval(Frame f) {
      double v = f.number(cell);
      return v > c ? TRUE : v <= c ? FALSE : UNKNOWN;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            double v = b.number(r, cell);
            tt |= (v > c ? 1L : 0L) << r;
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
          double v = b.number(r, cell);
          tt |= (v > c ? 1L : 0L) << r;
          ff |= (v <= c ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class CellGe extends BoolNode {
    private final int cell;
    private final double c;

    CellGe(int cell, double c) {
      super(1);
      this.cell = cell;
      this.c = c;
    }

    @Override
    int eval(Frame f) {
      double v = f.number(cell);
      return v >= c ? TRUE : v < c ? FALSE : UNKNOWN;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            double v = b.number(r, cell);
            tt |= (v >= c ? 1L : 0L) << r;
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
          double v = b.number(r, cell);
          tt |= (v >= c ? 1L : 0L) << r;
          ff |= (v < c ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class CellLt extends BoolNode {
    private final int cell;
    private final double c;

    CellLt(int cell, double c) {
      super(1);
      this.cell = cell;
      this.c = c;
    }

    @Override
    int eval(Frame f) {
      double v = f.number(cell);
      return v < c ? TRUE : v >= c ? FALSE : UNKNOWN;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            double v = b.number(r, cell);
            tt |= (v < c ? 1L : 0L) << r;
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
          double v = b.number(r, cell);
          tt |= (v < c ? 1L : 0L) << r;
          ff |= (v >= c ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class CellLe extends BoolNode {
    private final int cell;
    private final double c;

    CellLe(int cell, double c) {
      super(1);
      this.cell = cell;
      this.c = c;
    }

    @Override
    int eval(Frame f) {
      double v = f.number(cell);
      return v <= c ? TRUE : v > c ? FALSE : UNKNOWN;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            double v = b.number(r, cell);
            tt |= (v <= c ? 1L : 0L) << r;
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
          double v = b.number(r, cell);
          tt |= (v <= c ? 1L : 0L) << r;
          ff |= (v > c ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  static final class CellEq extends BoolNode {
    private final int cell;
    private final double c;

    CellEq(int cell, double c) {
      super(1);
      this.cell = cell;
      this.c = c;
    }

    @Override
    int eval(Frame f) {
      double v = f.number(cell);
      return v == c ? TRUE : v == v ? FALSE : UNKNOWN;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      if (f == null) {
        for (int w = 0; w < Block.WORDS; w++) {
          long tt = 0;
          int end = Math.min(b.n, (w + 1) * 64);
          for (int r = w * 64; r < end; r++) {
            double v = b.number(r, cell);
            tt |= (v == c ? 1L : 0L) << r;
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
          double v = b.number(r, cell);
          tt |= (v == c ? 1L : 0L) << r;
          ff |= (v != c && v == v ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
    }
  }

  /** Any two number expressions. */
  static final class Compare extends BoolNode {
    private final NumNode a;
    private final NumNode b;
    private final CompareOp op;

    Compare(NumNode a, CompareOp op, NumNode b) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
      this.op = op;
    }

    @Override
    int eval(Frame f) {
      double x = a.eval(f);
      double y = b.eval(f);
      if (x != x || y != y) {
        return UNKNOWN;
      }
      return op.test(x < y ? -1 : x > y ? 1 : 0) ? TRUE : FALSE;
    }

    @Override
    void block(Block blk, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = blk.takeLongs();
        block(blk, t, scratch);
        blk.releaseLongs(1);
        return;
      }
      double[] x = blk.takeDoubles();
      double[] y = blk.takeDoubles();
      a.block(blk, x);
      b.block(blk, y);
      Block.compare(x, y, op, blk.n, t, f);
      blk.releaseDoubles(2);
    }
  }

  static final class Between extends BoolNode {
    private final NumNode v;
    private final NumNode lo;
    private final NumNode hi;

    Between(NumNode v, NumNode lo, NumNode hi) {
      super(v.cost + lo.cost + hi.cost + 1);
      this.v = v;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    int eval(Frame f) {
      double x = v.eval(f);
      double l = lo.eval(f);
      double h = hi.eval(f);
      if (x >= l && x <= h) {
        return TRUE;
      }
      return x < l || x > h ? FALSE : UNKNOWN;
    }

    @Override
    void block(Block blk, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = blk.takeLongs();
        block(blk, t, scratch);
        blk.releaseLongs(1);
        return;
      }
      double[] x = blk.takeDoubles();
      double[] l = blk.takeDoubles();
      double[] h = blk.takeDoubles();
      v.block(blk, x);
      lo.block(blk, l);
      hi.block(blk, h);
      for (int w = 0; w < Block.WORDS; w++) {
        long tt = 0;
        long ff = 0;
        int end = Math.min(blk.n, (w + 1) * 64);
        for (int r = w * 64; r < end; r++) {
          double xv = x[r];
          tt |= (xv >= l[r] && xv <= h[r] ? 1L : 0L) << r;
          ff |= (xv < l[r] || xv > h[r] ? 1L : 0L) << r;
        }
        t[w] = tt;
        f[w] = ff;
      }
      blk.releaseDoubles(3);
    }
  }
}
