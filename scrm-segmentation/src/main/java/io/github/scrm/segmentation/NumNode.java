package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

import io.github.scrm.segmentation.rule.Expression.CompareOp;

/**
 * A compiled number expression. Numbers are IEEE doubles (exact for whole numbers below 2^53); an absent value, or a
 * division by zero, is NaN, which every comparison turns into {@link Frame#UNKNOWN}.
 */
abstract class NumNode {

  final int cost;

  NumNode(int cost) {
    this.cost = cost;
  }

  abstract double eval(Frame f);

  /** Block form: the value of each row of the block (NaN when unknown). The default evaluates row by row. */
  void block(Block b, double[] out) {
    for (int r = 0; r < b.n; r++) {
      out[r] = eval(b.frameAt(r));
    }
  }

  static final class Const extends NumNode {
    final double value;

    Const(double value) {
      super(0);
      this.value = value;
    }

    @Override
    double eval(Frame f) {
      return value;
    }

    @Override
    void block(Block b, double[] out) {
      java.util.Arrays.fill(out, 0, b.n, value);
    }
  }

  static final class Cell extends NumNode {
    final int cell;

    Cell(int cell) {
      super(1);
      this.cell = cell;
    }

    @Override
    double eval(Frame f) {
      return f.number(cell);
    }

    @Override
    void block(Block b, double[] out) {
      for (int r = 0; r < b.n; r++) {
        out[r] = b.number(r, cell);
      }
    }
  }

  static final class Add extends NumNode {
    private final NumNode a;
    private final NumNode b;

    Add(NumNode a, NumNode b) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(Frame f) {
      return a.eval(f) + b.eval(f);
    }

    @Override
    void block(Block blk, double[] out) {
      a.block(blk, out);
      double[] y = blk.takeDoubles();
      b.block(blk, y);
      for (int r = 0; r < blk.n; r++) {
        out[r] = out[r] + y[r];
      }
      blk.releaseDoubles(1);
    }
  }

  /** Sum of three or more cells, the shape of score totals such as R + F + M. */
  static final class SumCells extends NumNode {
    private final int[] cells;

    SumCells(int[] cells) {
      super(cells.length);
      this.cells = cells;
    }

    @Override
    double eval(Frame f) {
      double s = 0;
      for (int c : cells) {
        s += f.number(c);
      }
      return s;
    }

    @Override
    void block(Block b, double[] out) {
      for (int r = 0; r < b.n; r++) {
        double s = 0;
        for (int c : cells) {
          s += b.number(r, c);
        }
        out[r] = s;
      }
    }
  }

  static final class Sub extends NumNode {
    private final NumNode a;
    private final NumNode b;

    Sub(NumNode a, NumNode b) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(Frame f) {
      return a.eval(f) - b.eval(f);
    }

    @Override
    void block(Block blk, double[] out) {
      a.block(blk, out);
      double[] y = blk.takeDoubles();
      b.block(blk, y);
      for (int r = 0; r < blk.n; r++) {
        out[r] = out[r] - y[r];
      }
      blk.releaseDoubles(1);
    }
  }

  static final class Mul extends NumNode {
    private final NumNode a;
    private final NumNode b;

    Mul(NumNode a, NumNode b) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(Frame f) {
      return a.eval(f) * b.eval(f);
    }

    @Override
    void block(Block blk, double[] out) {
      a.block(blk, out);
      double[] y = blk.takeDoubles();
      b.block(blk, y);
      for (int r = 0; r < blk.n; r++) {
        out[r] = out[r] * y[r];
      }
      blk.releaseDoubles(1);
    }
  }

  static final class Div extends NumNode {
    private final NumNode a;
    private final NumNode b;

    Div(NumNode a, NumNode b) {
      super(a.cost + b.cost + 2);
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(Frame f) {
      return Arith.divide(a.eval(f), b.eval(f));
    }

    @Override
    void block(Block blk, double[] out) {
      a.block(blk, out);
      double[] y = blk.takeDoubles();
      b.block(blk, y);
      for (int r = 0; r < blk.n; r++) {
        out[r] = Arith.divide(out[r], y[r]);
      }
      blk.releaseDoubles(1);
    }
  }

  static final class MoneyRatio extends NumNode {
    private final MoneyNode a;
    private final MoneyNode b;

    MoneyRatio(MoneyNode a, MoneyNode b) {
      super(a.cost + b.cost + 2);
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(Frame f) {
      return Arith.ratio(a.eval(f), b.eval(f));
    }

    @Override
    void block(Block blk, double[] out) {
      long[] x = blk.takeLongs();
      long[] y = blk.takeLongs();
      a.block(blk, x);
      b.block(blk, y);
      for (int r = 0; r < blk.n; r++) {
        out[r] = Arith.ratio(x[r], y[r]);
      }
      blk.releaseLongs(2);
    }
  }

  static final class Memo extends NumNode {
    private final NumNode a;
    private final int slot;

    Memo(NumNode a, int slot) {
      super(1);
      this.a = a;
      this.slot = slot;
    }

    @Override
    double eval(Frame f) {
      if (f.stamp[slot] == f.generation) {
        return f.numMemo[slot];
      }
      double v = a.eval(f);
      f.numMemo[slot] = v;
      f.stamp[slot] = f.generation;
      return v;
    }

    @Override
    void block(Block b, double[] out) {
      double[] m = b.numMemo[slot];
      if (b.memoStamp[slot] != b.generation) {
        a.block(b, m);
        b.memoStamp[slot] = b.generation;
      }
      System.arraycopy(m, 0, out, 0, b.n);
    }
  }

  // ---- comparisons of a cell with a constant, one class per operator so each is a single branch

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
