package io.github.scrm.coupons.redemption;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact search for the combination with the largest discount under the stacking rules: depth-first over candidates in
 * application order (include, then exclude), at most one coupon per stacking group, an exclusive coupon alone, at most
 * {@code maxPerOrder} coupons. Branches are cut when the discount so far plus the stand-alone discounts of the
 * remaining candidates cannot beat the best found: a coupon never gives more after other coupons than alone, because
 * every benefit is non-decreasing in its bases and the bases only shrink. On equal discounts the first combination
 * found wins, which makes the answer deterministic.
 */
final class BestCombination {
  /** The search is exact up to this many candidates. */
  static final int EXACT_LIMIT = 20;

  private final List<Candidate> candidates;
  private final long[] suffixBound;
  private final long[] alone;
  private final int[] group;
  private final long[] bestPerGroup;
  private final int maxPerOrder;
  private final long[] scratch;
  private final int[] chosen;
  private int[] best = new int[0];
  private long bestDiscount = 0;

  private BestCombination(List<Candidate> candidates, PricingState start, int maxPerOrder) {
    this.candidates = candidates;
    this.maxPerOrder = maxPerOrder;
    int n = candidates.size();
    this.suffixBound = new long[n + 1];
    this.alone = new long[n];
    this.group = new int[n];
    java.util.Map<String, Integer> groups = new java.util.HashMap<>();
    for (int i = n - 1; i >= 0; i--) {
      alone[i] = start.discount(candidates.get(i));
      suffixBound[i] = suffixBound[i + 1] + alone[i];
    }
    for (int i = 0; i < n; i++) {
      group[i] = groups.computeIfAbsent(candidates.get(i).stacking.group(), g -> groups.size());
    }
    this.bestPerGroup = new long[groups.size()];
    this.scratch = new long[start.remaining.length];
    this.chosen = new int[n];
  }

  /** Indices into {@code candidates} (which must be in application order) of the best combination. */
  static List<Integer> search(List<Candidate> candidates, PricingState start, int maxPerOrder) {
    BestCombination search = new BestCombination(candidates, start, maxPerOrder);
    search.dfs(0, 0, start, 0);
    List<Integer> out = new ArrayList<>();
    for (int i : search.best) {
      out.add(i);
    }
    return out;
  }

  private void dfs(int index, int count, PricingState state, long discount) {
    if (discount > bestDiscount) {
      bestDiscount = discount;
      best = java.util.Arrays.copyOf(chosen, count);
    }
    if (index == candidates.size() || count == maxPerOrder
        || discount + suffixBound[index] <= bestDiscount || discount + bound(index, count) <= bestDiscount) {
      return;
    }
    Candidate c = candidates.get(index);
    if (compatible(c, count)) {
      PricingState next = state.copy();
      long d = next.apply(c, scratch);
      if (d > 0) {
        chosen[count] = index;
        dfs(index + 1, count + 1, next, discount + d);
      }
    }
    dfs(index + 1, count, state, discount);
  }

  /**
   * An upper bound on what the candidates from {@code index} on can add: the stand-alone discounts of the best
   * remaining candidate of each group not used yet, largest first, as many as there are slots left.
   */
  private long bound(int index, int count) {
    java.util.Arrays.fill(bestPerGroup, 0);
    for (int k = 0; k < count; k++) {
      bestPerGroup[group[chosen[k]]] = -1;
    }
    for (int i = index; i < candidates.size(); i++) {
      if (count > 0 && candidates.get(i).stacking.exclusive()) {
        continue;
      }
      int g = group[i];
      if (bestPerGroup[g] >= 0 && alone[i] > bestPerGroup[g]) {
        bestPerGroup[g] = alone[i];
      }
    }
    long sum = 0;
    int slots = maxPerOrder - count;
    for (int taken = 0; taken < slots; taken++) {
      int top = -1;
      for (int g = 0; g < bestPerGroup.length; g++) {
        if (bestPerGroup[g] > 0 && (top < 0 || bestPerGroup[g] > bestPerGroup[top])) {
          top = g;
        }
      }
      if (top < 0) {
        break;
      }
      sum += bestPerGroup[top];
      bestPerGroup[top] = 0;
    }
    return sum;
  }

  private boolean compatible(Candidate c, int count) {
    if (count > 0 && c.stacking.exclusive()) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      Candidate other = candidates.get(chosen[k]);
      if (other.stacking.exclusive() || other.stacking.group().equals(c.stacking.group())) {
        return false;
      }
    }
    return true;
  }
}
