package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * Evaluates a compiled rule set on one profile at a time without allocating: results are bitsets of rule indexes
 * ({@link CompiledRuleSet#ruleIds()} order) in an array the evaluator reuses. One evaluator per thread; create them
 * with {@link CompiledRuleSet#evaluator(Instant)}. Not thread-safe.
 */
public final class Evaluator {

  private final CompiledRuleSet rules;
  private final Frame frame;
  private final BoolNode[] roots;
  private final int[] order;
  private final long[] words;
  private final boolean[] marks;
  private Block block;
  private AttributeKey<?> lastKey;
  private CompiledRuleSet.AttributePlan lastPlan;

  Evaluator(CompiledRuleSet rules, Instant asOf) {
    this.rules = rules;
    this.roots = rules.roots();
    this.order = rules.order();
    this.frame = new Frame(rules.zone(), rules.memoSlots(), roots.length);
    this.words = new long[(roots.length + 63) >>> 6];
    this.marks = new boolean[roots.length];
    frame.at(asOf);
  }

  /** Moves the evaluation instant (for time-relative rules). */
  public Evaluator at(Instant asOf) {
    frame.at(asOf);
    return this;
  }

  /** The evaluation instant in epoch milliseconds. */
  public long asOfMillis() {
    return frame.asOfMillis;
  }

  /** Evaluates every rule on {@code profile}; the returned bitset is reused by the next call. */
  public long[] evaluate(ProfileSnapshot profile) {
    check(profile);
    frame.row(profile.cells, profile.sets, 0, 1);
    return run();
  }

  /** Evaluates every rule on row {@code row} of {@code table}; the returned bitset is reused by the next call. */
  public long[] evaluate(ProfileTable table, int row) {
    frame.row(table.cells, table.sets, row, table.capacity);
    return run();
  }

  /**
   * Evaluates every rule on rows {@code [from, from + count)} of {@code table} in blocks of consecutive rows (the
   * fast path for batches) and writes row {@code from + k}'s result bitset to {@code out} at
   * {@code k * words .. k * words + words - 1}, where {@code words = ceil(rules / 64)}.
   */
  public void evaluateRows(ProfileTable table, int from, int count, long[] out) {
    if (from < 0 || count < 0 || from + count > table.size()) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + (from + count) + ") must lie in [0, "
          + table.size() + ")");
    }
    int nWords = words.length;
    Arrays.fill(out, 0, count * nWords, 0L);
    if (block == null) {
      block = new Block(frame, rules.memoSlots(), roots.length);
    }
    Block block = this.block;
    for (int start = 0; start < count; start += Block.ROWS) {
      int n = Math.min(Block.ROWS, count - start);
      block.rows(table.cells, table.sets, table.capacity, from + start, n);
      for (int i : order) {
        long[] t = block.ruleTrue[i];
        roots[i].block(block, t, null);
        long bit = 1L << i;
        int word = i >>> 6;
        for (int w = 0; w < Block.WORDS; w++) {
          int limit = n - w * 64;
          if (limit <= 0) {
            break;
          }
          long bits = limit >= 64 ? t[w] : t[w] & ((1L << limit) - 1);
          int rowBase = (start + w * 64) * nWords + word;
          while (bits != 0) {
            int r = Long.numberOfTrailingZeros(bits);
            out[rowBase + r * nWords] |= bit;
            bits &= bits - 1;
          }
        }
      }
    }
  }

  /** Evaluates every rule and returns the first 64 rules' results as one word, for rule sets of up to 64 rules. */
  public long evaluateWord(ProfileSnapshot profile) {
    return evaluate(profile)[0];
  }

  private long[] run() {
    long[] w = words;
    Arrays.fill(w, 0L);
    byte[] state = frame.state;
    Frame f = frame;
    for (int i : order) {
      int v = roots[i].eval(f);
      state[i] = (byte) v;
      if (v == Frame.TRUE) {
        w[i >>> 6] |= 1L << i;
      }
    }
    return w;
  }

  /** The three-valued result (0 false, 1 true, 2 unknown) of rule {@code index} in the last evaluation. */
  public int state(int index) {
    return frame.state[index];
  }

  /**
   * Incremental re-evaluation: reloads the {@code changed} attributes of {@code profile} from {@code values} and
   * re-evaluates only the rules that read them (directly or through {@code inSegment}). {@code previous} holds the
   * profile's last result bitset and is updated in place; returns whether any result changed.
   */
  public boolean reevaluate(ProfileSnapshot profile, long[] previous, AttributeValues values,
      Collection<? extends AttributeKey<?>> changed) {
    check(profile);
    if (changed.size() == 1) {
      AttributeKey<?> key = changed instanceof java.util.List<?> l ? (AttributeKey<?>) l.get(0)
          : changed.iterator().next();
      CompiledRuleSet.AttributePlan plan;
      if (key == lastKey) {
        plan = lastPlan; // hosts usually feed the same metric for many profiles in a row
      } else {
        plan = rules.plan(key.name());
        lastKey = key;
        lastPlan = plan;
      }
      if (plan == null || !rules.layout().reload(plan.slots(), values, profile.extraTags, profile.cells, 0, 1,
          profile.sets)) {
        return false;
      }
      return rerun(profile, previous, plan.affected(), plan.referenced());
    }
    if (!profile.update(values, changed)) {
      return false;
    }
    return rerun(profile, previous, merge(changed), order);
  }

  /** Re-evaluates the time-relative rules (and their dependents) at the current instant; see {@link #at}. */
  public boolean reevaluateTime(ProfileSnapshot profile, long[] previous) {
    check(profile);
    return rerun(profile, previous, rules.timeRelativeRules(), order);
  }

  /** Re-runs {@code affected} (in evaluation order) after loading the last results of the rules they refer to. */
  private boolean rerun(ProfileSnapshot profile, long[] previous, int[] affected, int[] referenced) {
    frame.row(profile.cells, profile.sets, 0, 1);
    byte[] state = frame.state;
    for (int i : referenced) {
      state[i] = (byte) ((previous[i >>> 6] >>> i & 1L) != 0 ? Frame.TRUE : Frame.FALSE);
    }
    boolean changed = false;
    for (int i : affected) {
      int v = roots[i].eval(frame);
      state[i] = (byte) v;
      long bit = 1L << i;
      boolean now = v == Frame.TRUE;
      if (now != ((previous[i >>> 6] & bit) != 0)) {
        previous[i >>> 6] ^= bit;
        changed = true;
      }
    }
    return changed;
  }

  private int[] merge(Collection<? extends AttributeKey<?>> changed) {
    Arrays.fill(marks, false);
    for (AttributeKey<?> key : changed) {
      for (int i : rules.affectedBy(key.name())) {
        marks[i] = true;
      }
    }
    return Arrays.stream(order).filter(i -> marks[i]).toArray();
  }

  /** The next instant at which time alone could change a result for {@code profile}, empty when none can. */
  public Optional<Instant> nextChange(ProfileSnapshot profile) {
    check(profile);
    frame.row(profile.cells, profile.sets, 0, 1);
    long next = Long.MAX_VALUE;
    for (TimeNode.Timed t : rules.timed()) {
      next = Math.min(next, t.nextChange(frame));
    }
    return next == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
  }

  private void check(ProfileSnapshot profile) {
    if (profile.owner != rules) {
      throw new IllegalArgumentException("the snapshot was built for rule set '" + profile.owner.name() + "' v"
          + profile.owner.version() + ", not for '" + rules.name() + "' v" + rules.version()
          + "; build it with this rule set's snapshot(...)");
    }
  }
}
