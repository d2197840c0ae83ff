package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.ABSENT;
import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

import io.github.scrm.segmentation.rule.Expression.CompareOp;

/** A compiled money expression in minor units of the rule set's currency; {@link Frame#ABSENT} when unknown. */
abstract class MoneyNode {

  final int cost;

  MoneyNode(int cost) {
    this.cost = cost;
  }

  abstract long eval(Frame f);

  /** Block form: the value of each row of the block ({@link Frame#ABSENT} when unknown). */
  void block(Block b, long[] out) {
    for (int r = 0; r < b.n; r++) {
      out[r] = eval(b.frameAt(r));
    }
  }

  static final class Const extends MoneyNode {
    final long value;

    Const(long value) {
      super(0);
      this.value = value;
    }

    @Override
    long eval(Frame f) {
      return value;
    }
  }

  static final class Cell extends MoneyNode {
    final int cell;

    Cell(int cell) {
      super(1);
      this.cell = cell;
    }

    @Override
    long eval(Frame f) {
      return f.cell(cell);
    }

    @Override
    void block(Block b, long[] out) {
      for (int r = 0; r < b.n; r++) {
        out[r] = b.cell(r, cell);
      }
    }
  }

  static final class Add extends MoneyNode {
    private final MoneyNode a;
    private final MoneyNode b;
    private final boolean subtract;

    Add(MoneyNode a, MoneyNode b, boolean subtract) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
      this.subtract = subtract;
    }

    @Override
    long eval(Frame f) {
      return subtract ? Arith.subtract(a.eval(f), b.eval(f)) : Arith.add(a.eval(f), b.eval(f));
    }
  }

  static final class Scale extends MoneyNode {
    private final MoneyNode a;
    private final NumNode b;
    private final boolean divide;

    Scale(MoneyNode a, NumNode b, boolean divide) {
      super(a.cost + b.cost + 2);
      this.a = a;
      this.b = b;
      this.divide = divide;
    }

    @Override
    long eval(Frame f) {
      return divide ? Arith.divide(a.eval(f), b.eval(f)) : Arith.scale(a.eval(f), b.eval(f));
    }
  }

  static final class Memo extends MoneyNode {
    private final MoneyNode a;
    private final int slot;

    Memo(MoneyNode a, int slot) {
      super(1);
      this.a = a;
      this.slot = slot;
    }

    @Override
    long eval(Frame f) {
      if (f.stamp[slot] == f.generation) {
        return f.longMemo[slot];
      }
      long v = a.eval(f);
      f.longMemo[slot] = v;
      f.stamp[slot] = f.generation;
      return v;
    }

    @Override
    void block(Block b, long[] out) {
      long[] m = b.longMemo[slot];
      if (b.memoStamp[slot] != b.generation) {
        a.block(b, m);
        b.memoStamp[slot] = b.generation;
      }
      System.arraycopy(m, 0, out, 0, b.n);
    }
  }

  static int compare(long x, long y, CompareOp op) {
    if (x == ABSENT || y == ABSENT) {
      return UNKNOWN;
    }
    return op.test(Long.compare(x, y)) ? TRUE : FALSE;
  }

  static final class CellCompare extends BoolNode {
    private final int cell;
    private final long c;
    private final CompareOp op;

    CellCompare(int cell, CompareOp op, long c) {
      super(1);
      this.cell = cell;
      this.c = c;
      this.op = op;
    }

    @Override
    int eval(Frame f) {
      long v = f.cell(cell);
      if (v == ABSENT) {
        return UNKNOWN;
      }
      boolean r = switch (op) {
        case GE -> v >= c;
        case GT -> v > c;
        case LE -> v <= c;
        case LT -> v < c;
        case EQ -> v == c;
        case NE -> v != c;
      };
      return r ? TRUE : FALSE;
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
          long v = b.cell(r, cell);
          if (v != ABSENT) {
            boolean res = switch (op) {
              case GE -> v >= c;
              case GT -> v > c;
              case LE -> v <= c;
              case LT -> v < c;
              case EQ -> v == c;
              case NE -> v != c;
            };
            long bit = 1L << r;
            if (res) {
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

  static final class Compare extends BoolNode {
    private final MoneyNode a;
    private final MoneyNode b;
    private final CompareOp op;

    Compare(MoneyNode a, CompareOp op, MoneyNode b) {
      super(a.cost + b.cost + 1);
      this.a = a;
      this.b = b;
      this.op = op;
    }

    @Override
    int eval(Frame f) {
      return compare(a.eval(f), b.eval(f), op);
    }

    @Override
    void block(Block blk, long[] t, long[] f) {
      if (f == null) {
        long[] scratch = blk.takeLongs();
        block(blk, t, scratch);
        blk.releaseLongs(1);
        return;
      }
      long[] x = blk.takeLongs();
      long[] y = blk.takeLongs();
      a.block(blk, x);
      b.block(blk, y);
      Block.compare(x, y, op, blk.n, t, f);
      blk.releaseLongs(2);
    }
  }

  static final class Between extends BoolNode {
    private final MoneyNode v;
    private final MoneyNode lo;
    private final MoneyNode hi;

    Between(MoneyNode v, MoneyNode lo, MoneyNode hi) {
      super(v.cost + lo.cost + hi.cost + 1);
      this.v = v;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    int eval(Frame f) {
      long x = v.eval(f);
      int a = compare(x, lo.eval(f), CompareOp.GE);
      if (a == FALSE) {
        return FALSE;
      }
      int b = compare(x, hi.eval(f), CompareOp.LE);
      return b == FALSE ? FALSE : Math.max(a, b);
    }
  }
}
