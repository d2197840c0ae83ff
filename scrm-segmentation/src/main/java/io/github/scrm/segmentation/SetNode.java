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
}
