package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;

/**
 * Compiled {@code and} and {@code or} in Kleene logic: row by row they stop at the first deciding operand; in blocks
 * they combine the operands' TRUE and FALSE bitsets word by word.
 */
final class Logic {

  private Logic() {}

  static final class And2 extends BoolNode {
    private final BoolNode a;
    private final BoolNode b;

    And2(BoolNode a, BoolNode b) {
      super(a.cost + b.cost);
      this.a = a;
      this.b = b;
    }

    @Override
    int eval(Frame f) {
      int x = a.eval(f);
      if (x == FALSE) {
        return FALSE;
      }
      int y = b.eval(f);
      return y == FALSE ? FALSE : Math.max(x, y);
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      a.block(b, t, f);
      long[] t2 = b.takeLongs();
      long[] f2 = f == null ? null : b.takeLongs();
      this.b.block(b, t2, f2);
      for (int w = 0; w < Block.WORDS; w++) {
        t[w] &= t2[w];
      }
      if (f != null) {
        for (int w = 0; w < Block.WORDS; w++) {
          f[w] |= f2[w];
        }
      }
      b.releaseLongs(f == null ? 1 : 2);
    }
  }

  static final class AndN extends BoolNode {
    private final BoolNode[] ops;

    AndN(BoolNode[] ops) {
      super(BoolNode.sum(ops));
      this.ops = ops;
    }

    @Override
    int eval(Frame f) {
      int r = TRUE;
      for (BoolNode op : ops) {
        int x = op.eval(f);
        if (x == FALSE) {
          return FALSE;
        }
        r = Math.max(r, x);
      }
      return r;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      ops[0].block(b, t, f);
      long[] t2 = b.takeLongs();
      long[] f2 = f == null ? null : b.takeLongs();
      for (int i = 1; i < ops.length; i++) {
        ops[i].block(b, t2, f2);
        for (int w = 0; w < Block.WORDS; w++) {
          t[w] &= t2[w];
        }
        if (f != null) {
          for (int w = 0; w < Block.WORDS; w++) {
            f[w] |= f2[w];
          }
        }
      }
      b.releaseLongs(f == null ? 1 : 2);
    }
  }

  static final class Or2 extends BoolNode {
    private final BoolNode a;
    private final BoolNode b;

    Or2(BoolNode a, BoolNode b) {
      super(a.cost + b.cost);
      this.a = a;
      this.b = b;
    }

    @Override
    int eval(Frame f) {
      int x = a.eval(f);
      if (x == TRUE) {
        return TRUE;
      }
      int y = b.eval(f);
      return y == TRUE ? TRUE : Math.max(x, y);
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      a.block(b, t, f);
      long[] t2 = b.takeLongs();
      long[] f2 = f == null ? null : b.takeLongs();
      this.b.block(b, t2, f2);
      for (int w = 0; w < Block.WORDS; w++) {
        t[w] |= t2[w];
      }
      if (f != null) {
        for (int w = 0; w < Block.WORDS; w++) {
          f[w] &= f2[w];
        }
      }
      b.releaseLongs(f == null ? 1 : 2);
    }
  }

  static final class OrN extends BoolNode {
    private final BoolNode[] ops;

    OrN(BoolNode[] ops) {
      super(BoolNode.sum(ops));
      this.ops = ops;
    }

    @Override
    int eval(Frame f) {
      int r = FALSE;
      for (BoolNode op : ops) {
        int x = op.eval(f);
        if (x == TRUE) {
          return TRUE;
        }
        r = Math.max(r, x);
      }
      return r;
    }

    @Override
    void block(Block b, long[] t, long[] f) {
      ops[0].block(b, t, f);
      long[] t2 = b.takeLongs();
      long[] f2 = f == null ? null : b.takeLongs();
      for (int i = 1; i < ops.length; i++) {
        ops[i].block(b, t2, f2);
        for (int w = 0; w < Block.WORDS; w++) {
          t[w] |= t2[w];
        }
        if (f != null) {
          for (int w = 0; w < Block.WORDS; w++) {
            f[w] &= f2[w];
          }
        }
      }
      b.releaseLongs(f == null ? 1 : 2);
    }
  }
}
