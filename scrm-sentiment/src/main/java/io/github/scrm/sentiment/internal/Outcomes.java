package io.github.scrm.sentiment.internal;

import io.github.scrm.sentiment.CategoryMatch;
import io.github.scrm.sentiment.Evidence;
import io.github.scrm.sentiment.IssueCategory;
import io.github.scrm.sentiment.Rule;
import io.github.scrm.sentiment.SentimentScore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns a finished {@link Scratch} into the public values: the score and the category matches. */
final class Outcomes {

  /** The immutable rule set of every rule bit mask, shared by all evidence. */
  static final List<Set<Rule>> RULE_SETS = ruleSets();

  private Outcomes() {}

  static SentimentScore score(Scratch s) {
    if (s.evidenceCount == 0) {
      return SentimentScore.neutral();
    }
    double raw = s.negSum - s.posSum;
    double p = 1.0 / (1.0 + Math.exp(-LexiconEngine.SLOPE * raw));
    List<Evidence> list = switch (s.evidenceCount) {
      case 1 -> List.of(s.evidence[0]);
      case 2 -> List.of(s.evidence[0], s.evidence[1]);
      default -> List.of(java.util.Arrays.copyOf(s.evidence, s.evidenceCount));
    };
    return SentimentScore.of(p, list, RULE_SETS.get(s.ruleMask));
  }

  static List<CategoryMatch> categoryMatches(Scratch s, int[][] categories, String[] terms,
      IssueCategory[] categoryTable) {
    if (s.hitCount == 0) {
      return List.of();
    }
    // few hits and few categories: linear scans beat maps here
    int[] order = new int[categoryTable.length];
    int distinct = 0;
    for (int h = 0; h < s.hitCount; h++) {
      for (int c : categories[s.hits[h]]) {
        boolean seen = false;
        for (int k = 0; k < distinct && !seen; k++) {
          seen = order[k] == c;
        }
        if (!seen) {
          order[distinct++] = c;
        }
      }
    }
    List<CategoryMatch> out = new ArrayList<>(distinct);
    for (int k = 0; k < distinct; k++) {
      int c = order[k];
      List<String> triggers = new ArrayList<>(4);
      for (int h = 0; h < s.hitCount; h++) {
        int e = s.hits[h];
        for (int x : categories[e]) {
          if (x == c && !triggers.contains(terms[e])) {
            triggers.add(terms[e]);
          }
        }
      }
      out.add(new CategoryMatch(categoryTable[c], triggers));
    }
    return out;
  }

  private static List<Set<Rule>> ruleSets() {
    Rule[] rules = Rule.values();
    List<Set<Rule>> sets = new ArrayList<>(1 << rules.length);
    for (int mask = 0; mask < (1 << rules.length); mask++) {
      EnumSet<Rule> set = EnumSet.noneOf(Rule.class);
      for (Rule r : rules) {
        if ((mask & (1 << r.ordinal())) != 0) {
          set.add(r);
        }
      }
      sets.add(Set.copyOf(set));
    }
    return List.copyOf(sets);
  }
}
