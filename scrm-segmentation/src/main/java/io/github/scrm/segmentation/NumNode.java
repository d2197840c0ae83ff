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
  }
}
