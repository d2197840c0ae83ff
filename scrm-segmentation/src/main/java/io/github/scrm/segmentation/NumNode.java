package io.github.scrm.segmentation;

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
}
