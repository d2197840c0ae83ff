package io.github.scrm.sentiment.internal;

import io.github.scrm.sentiment.CategoryMatch;
import io.github.scrm.sentiment.Evidence;
import io.github.scrm.sentiment.IssueCategory;
import io.github.scrm.sentiment.LexiconEntry;
import io.github.scrm.sentiment.Rule;
import io.github.scrm.sentiment.SentimentScore;
import io.github.scrm.sentiment.TermKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lexicon-and-rules scorer: one pass of longest-match lookups in a {@link CodePointTrie} over the normalised text,
 * then one pass over the matched terms applying negation, degree, contrast, rhetorical-question, sarcasm and
 * punctuation rules (see docs/sentiment.md). Thread-safe; per-thread scratch buffers avoid allocation.
 */
public final class LexiconEngine {

  /** The negative score is {@code 1 / (1 + exp(-SLOPE * (negative - positive)))}. */
  public static final double SLOPE = 0.9;
  static final int NEGATION_WINDOW = 1;
  static final int DEGREE_WINDOW = 2;
  static final double NEGATED_POSITIVE = 0.9;
  static final double NEGATED_NEGATIVE = 0.5;
  static final double DOUBLE_NEGATION = 0.9;
  static final double NEGATED_DEGREE = 0.75;
  static final double CONTRAST_LATER = 1.1;
  static final double CONTRAST_EARLIER = 0.9;
  static final double RHETORICAL = 0.8;
  static final double SARCASM = 0.7;
  static final double STRONG_SARCASM = 2.5;
  static final double EXCLAMATION = 1.3;
  static final double REPEATED_QUESTION = 0.8;
  static final double QUESTION = 0.3;

  /**
   * Rhetorical markers that question the predicate after them, so a negated praise after one is praise (难道不好吃吗,
   * 谁说不好吃). Exclamations of dismay (怎么回事, 什么情况) and demands (凭什么) reverse nothing.
   */
  static final Set<String> REVERSING_MARKERS = Set.of("难道", "谁说", "哪有", "怎么能", "这也叫", "这也算", "这叫");

  /**
   * Degree adverbs that compare with what the comment itself describes: after a negator they make the statement
   * emphatic instead of negating it (从来没有这么难吃过 "never this bad", 从未如此满意), unlike 那么 (没那么难吃, "not that
   * bad").
   */
  static final Set<String> COMPARING_DEGREES = Set.of("这么", "如此");

  /**
   * Markers of a mistaken expectation: sentiment after one in its clause is what the author expected, so the opposite
   * happened (还以为很好吃呢 is a complaint, 以为会很难吃 praise). Lexicon entries of kind {@code neutral}.
   */
  static final Set<String> EXPECTATION_MARKERS = Set.of("以为", "还以为", "本以为", "原以为", "本来以为", "原本以为");
  static final double EXPECTED = 0.5;

  /** Terms of this many digits or more (12315, a hotline) match whole numbers only, never inside a phone number. */
  static final int WHOLE_NUMBER_DIGITS = 5;

  private static final TermKind[] KINDS = TermKind.values();
  private static final List<Set<Rule>> RULE_SETS = Outcomes.RULE_SETS;

  private final CodePointTrie trie;
  private final String[] terms;
  private final byte[] kinds;
  private final double[] weights;
  private final double[] modifiers;
  private final boolean[] negatedForm;
  private final boolean[] negatedPraise;
  private final boolean[] reversing;
  private final boolean[] comparing;
  private final boolean[] expecting;
  private final boolean[] wholeNumber;
  private final int[][] categories;
  private final IssueCategory[] categoryTable;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  /**
   * Compiles entries (a later entry for the same normalised term replaces an earlier one).
   *
   * @throws IllegalArgumentException when an entry names an undeclared category
   */
  public LexiconEngine(List<LexiconEntry> entries, List<IssueCategory> declared) {
    Map<String, Integer> categoryIndex = new HashMap<>();
    categoryTable = declared.toArray(new IssueCategory[0]);
    for (int i = 0; i < categoryTable.length; i++) {
      categoryIndex.put(categoryTable[i].id(), i);
    }
    Map<String, LexiconEntry> byTerm = new LinkedHashMap<>();
    for (LexiconEntry entry : entries) {
      String key = normalizedTerm(entry.term());
      if (!key.isEmpty()) {
        byTerm.remove(key);
        byTerm.put(key, entry);
      }
    }
    int n = byTerm.size();
    terms = new String[n];
    kinds = new byte[n];
    weights = new double[n];
    modifiers = new double[n];
    negatedForm = new boolean[n];
    negatedPraise = new boolean[n];
    reversing = new boolean[n];
    comparing = new boolean[n];
    expecting = new boolean[n];
    wholeNumber = new boolean[n];
    categories = new int[n][];
    List<int[]> codePoints = new ArrayList<>(n);
    int i = 0;
    for (Map.Entry<String, LexiconEntry> e : byTerm.entrySet()) {
      LexiconEntry entry = e.getValue();
      terms[i] = e.getKey();
      kinds[i] = (byte) entry.kind().ordinal();
      weights[i] = entry.weight();
      modifiers[i] = entry.modifier();
      negatedForm[i] = entry.kind() == TermKind.NEG && "不没无别非未".indexOf(e.getKey().charAt(0)) >= 0;
      // 不好吃 is 不 + a praise word; 不给退款 (a refusal) is not
      negatedPraise[i] = negatedForm[i] && (isPraise(byTerm.get(e.getKey().substring(1)))
          || e.getKey().length() > 2 && isPraise(byTerm.get(e.getKey().substring(2))));
      reversing[i] = entry.kind() == TermKind.RHETORICAL && REVERSING_MARKERS.contains(e.getKey());
      comparing[i] = entry.kind() == TermKind.DEGREE && COMPARING_DEGREES.contains(e.getKey());
      expecting[i] = entry.kind() == TermKind.NEUTRAL && EXPECTATION_MARKERS.contains(e.getKey());
      wholeNumber[i] = e.getKey().length() >= WHOLE_NUMBER_DIGITS && e.getKey().chars().allMatch(LexiconEngine::isDigit);
      categories[i] = new int[entry.categories().size()];
      for (int c = 0; c < categories[i].length; c++) {
        Integer idx = categoryIndex.get(entry.categories().get(c));
        if (idx == null) {
          throw new IllegalArgumentException("term '" + entry.term() + "' names category '"
              + entry.categories().get(c) + "', which is not declared: add '@category "
              + entry.categories().get(c) + " <severity> <label>' to the lexicon");
        }
        categories[i][c] = idx;
      }
      codePoints.add(e.getKey().codePoints().toArray());
      i++;
    }
    trie = new CodePointTrie(codePoints);
  }

  /** Whether a negated praise follows token {@code k} in clause {@code c} (不好吃, or 不是 ... 好吃). */
  private boolean reversesNegatedPraise(Scratch s, int k, int c) {
    boolean negator = false;
    for (int j = k + 1; j < s.tokenCount && s.tClause[j] == c; j++) {
      int e = s.tEntry[j];
      TermKind kind = KINDS[kinds[e]];
      if (kind == TermKind.NEGATOR) {
        negator = true;
      } else if (negatedPraise[e] || kind == TermKind.POS && negator) {
        return true;
      } else if (isSentiment(kind)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isPraise(@Nullable LexiconEntry entry) {
    return entry != null && entry.kind() == TermKind.POS;
  }

  /** The normalised form a term is matched in. */
  public static String normalizedTerm(String term) {
    int[] buf = new int[Math.min(term.length(), TextNormalizer.MAX_CHARS) + 2];
    int n = TextNormalizer.normalize(term, buf);
    return new String(buf, 0, n).trim();
  }

  /** Scores with evidence. Never throws. */
  public SentimentScore score(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return SentimentScore.neutral();
    }
    Scratch s = scratch.get();
    run(text, s, true);
    return Outcomes.score(s);
  }

  /** Scores with evidence and the categories complained about. Never throws. */
  public Result analyze(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return new Result(SentimentScore.neutral(), List.of());
    }
    Scratch s = scratch.get();
    run(text, s, true);
    return new Result(Outcomes.score(s), Outcomes.categoryMatches(s, categories, terms, categoryTable));
  }

  /** Positive and negative weight sums only, for use as model features: {@code out[0]} negative, {@code out[1]} positive. */
  public void sums(@Nullable String text, double[] out) {
    out[0] = 0;
    out[1] = 0;
    if (text == null || text.isEmpty()) {
      return;
    }
    Scratch s = scratch.get();
    run(text, s, false);
    out[0] = s.negSum;
    out[1] = s.posSum;
  }

  /** A score together with the categories it complains about. */
  public record Result(SentimentScore score, List<CategoryMatch> categories) {}

  private void run(String text, Scratch s, boolean evidence) {
    int n = TextNormalizer.normalize(text, s.cps);
    s.reset();
    tokenize(s, n);
    evaluate(s, evidence);
  }

  private void tokenize(Scratch s, int n) {
    int[] cps = s.cps;
    int clause = 0;
    s.clauseExcl[0] = 0;
    s.clauseQuest[0] = 0;
    s.clauseRhetorical[0] = false;
    s.clauseReversingEnd[0] = -1;
    s.clauseSarcasm[0] = false;
    s.clauseNet[0] = 0;
    s.clauseSentiment[0] = false;
    boolean sarcasmNext = false;
    int i = 0;
    while (i < n) {
      long match = trie.longest(cps, i, n);
      if (match >= 0 && wholeNumber[(int) match] && !standsAlone(cps, i, i + (int) (match >>> 32), n)) {
        match = -1; // 13812315678 is a phone number, not the 12315 hotline
      }
      if (match >= 0 && kinds[(int) match] == TermKind.NEUTRAL.ordinal()) {
        match = yieldToOverlappingTerm(cps, i, match, n);
      }
      if (match >= 0 && yieldsIntensifier(cps, i, match, n)) {
        // 态度好差 is 态度 + 好差 ("really bad"), not the praise 态度好 followed by 差
        match = trie.longest(cps, i, i + (int) (match >>> 32) - 1);
      }
      if (match >= 0) {
        int len = (int) (match >>> 32);
        int entry = (int) match;
        s.addToken(entry, i, i + len, clause);
        TermKind kind = KINDS[kinds[entry]];
        if (kind == TermKind.RHETORICAL) {
          s.clauseRhetorical[clause] = true;
          if (reversing[entry] && s.clauseReversingEnd[clause] < 0) {
            s.clauseReversingEnd[clause] = i + len;
          }
        } else if (kind == TermKind.SARCASM) {
          // strong cues (好个屁) turn the whole comment; mild ones (呵呵) their clause and the next
          if (weights[entry] >= STRONG_SARCASM) {
            s.sarcasm = true;
          } else {
            s.clauseSarcasm[clause] = true;
            sarcasmNext = true;
          }
        } else if (kind == TermKind.CONTRAST) {
          s.contrastEnd = i + len;
        }
        i += len;
        continue;
      }
      int cp = cps[i];
      if (TextNormalizer.isClauseBreak(cp)) {
        int excl = 0;
        int quest = 0;
        while (i < n && TextNormalizer.isClauseBreak(cps[i])) {
          if (cps[i] == '!') {
            excl++;
          } else if (cps[i] == '?') {
            quest++;
          }
          i++;
        }
        s.clauseExcl[clause] = excl;
        s.clauseQuest[clause] = quest;
        if (i < n && clause + 1 < s.clauseExcl.length) {
          clause++;
          s.clauseExcl[clause] = 0;
          s.clauseQuest[clause] = 0;
          s.clauseRhetorical[clause] = false;
          s.clauseReversingEnd[clause] = -1;
          s.clauseSarcasm[clause] = sarcasmNext;
          sarcasmNext = false;
          s.clauseNet[clause] = 0;
          s.clauseSentiment[clause] = false;
        }
        continue;
      }
      i++;
    }
    s.clauseCount = clause + 1;
  }

  /**
   * A blocking (neutral) term that starts with a degree adverb gives way to a sentiment term that starts after the
   * adverb and reaches past the blocker's end: 最好 blocks 好 in 最好不要 ("had better not"), but 最好吃 is 最 + 好吃
   * ("the tastiest"). Blockers that do not start with a degree adverb hold (暑假的 is no 假的, 香辣鸡 no 辣鸡). Returns
   * the match to take at {@code start}: the blocker itself, or the degree adverb.
   */
  private long yieldToOverlappingTerm(int[] cps, int start, long match, int n) {
    int end = start + (int) (match >>> 32);
    for (int j = start + 1; j < end; j++) {
      long prefix = trie.longest(cps, start, j);
      if (prefix < 0 || start + (int) (prefix >>> 32) != j || kinds[(int) prefix] != TermKind.DEGREE.ordinal()) {
        continue;
      }
      long inner = trie.longest(cps, j, n);
      if (inner >= 0 && j + (int) (inner >>> 32) > end && isSentiment(KINDS[kinds[(int) inner]])) {
        return prefix;
      }
    }
    return match;
  }

  /**
   * Whether a praise term ending in an intensifying praise word (态度好, 质量好 end in 好) stands directly before a
   * complaint, so that the final word intensifies the complaint instead (态度好差, 位置好难找). A negated complaint
   * (态度好不好) keeps the praise: that is a question, not an intensifier.
   */
  private boolean yieldsIntensifier(int[] cps, int start, long match, int n) {
    int len = (int) (match >>> 32);
    int end = start + len;
    if (len < 2 || end >= n || kinds[(int) match] != TermKind.POS.ordinal()) {
      return false;
    }
    long last = trie.longest(cps, end - 1, end);
    if (last < 0 || kinds[(int) last] != TermKind.POS.ordinal() || modifiers[(int) last] <= 0) {
      return false;
    }
    long next = trie.longest(cps, end, n);
    return next >= 0 && kinds[(int) next] == TermKind.NEG.ordinal() && !negatedForm[(int) next];
  }

  private void evaluate(Scratch s, boolean evidence) {
    int negCount = 0;
    int negStart = -1;
    int negEnd = Integer.MIN_VALUE / 2;
    int negClause = -1;
    double degree = 1;
    int degStart = -1;
    int degEnd = Integer.MIN_VALUE / 2;
    int degClause = -1;
    boolean degComparing = false;
    int expectClause = -1;
    for (int k = 0; k < s.tokenCount; k++) {
      int e = s.tEntry[k];
      int start = s.tStart[k];
      int end = s.tEnd[k];
      int c = s.tClause[k];
      TermKind kind = KINDS[kinds[e]];
      switch (kind) {
        case NEGATOR -> {
          if (negCount > 0 && negClause == c && start - negEnd <= 1) {
            negCount++;
          } else {
            negCount = 1;
            negStart = start;
          }
          negEnd = end;
          negClause = c;
          continue;
        }
        case DEGREE -> {
          degree = weights[e];
          degStart = start;
          degEnd = end;
          degClause = c;
          degComparing = comparing[e];
          continue;
        }
        case CONTRAST, NEUTRAL -> {
          if (expecting[e]) {
            expectClause = c;
          }
          continue;
        }
        case TOPIC -> {
          if (evidence && categories[e].length > 0) {
            s.addTopic(e, c);
          }
          continue;
        }
        default -> {
          // sentiment-bearing kinds below
        }
      }
      if (kind == TermKind.POS && modifiers[e] > 0 && k + 1 < s.tokenCount && s.tStart[k + 1] == end
          && isSentiment(KINDS[kinds[s.tEntry[k + 1]]])) {
        degree = modifiers[e];
        degStart = start;
        degEnd = end;
        degClause = c;
        degComparing = false;
        continue;
      }
      if (k > 0 && s.tEntry[k - 1] == e && s.tClause[k - 1] == c && start == s.tEnd[k - 1] + 1
          && s.cps[start - 1] == '是') {
        continue; // 好吃是好吃 concedes one praise, not two: the complaint after it carries the comment
      }
      if (reversing[e] && reversesNegatedPraise(s, k, c)) {
        continue; // 难道不好吃吗 is praise: the marker's own complaint weight does not apply
      }
      double v = kind == TermKind.POS ? -weights[e] : weights[e];
      s.clauseSentiment[c] = true;
      int mask = 0;
      boolean negated = false;
      boolean praiseNegated = negatedPraise[e];
      boolean emphatic = degComparing && degClause == c && degStart >= negEnd && start - degEnd <= DEGREE_WINDOW;
      if (negCount > 0 && negClause == c && !emphatic
          && negationGap(s.cps, negEnd, start, degClause == c ? degStart : 0, degClause == c ? degEnd : 0) <= NEGATION_WINDOW) {
        negated = true;
        if ((negCount & 1) == 1 && negatedForm[e]) {
          // a negator before a negated complaint (不是 + 不好吃) is a double negation
          v = -v * DOUBLE_NEGATION;
          mask |= bit(Rule.DOUBLE_NEGATION);
        } else if ((negCount & 1) == 1) {
          praiseNegated = v < 0;
          v = v < 0 ? -v * NEGATED_POSITIVE : -v * NEGATED_NEGATIVE;
          mask |= bit(Rule.NEGATION);
        } else {
          v *= DOUBLE_NEGATION;
          mask |= bit(Rule.DOUBLE_NEGATION);
        }
      }
      if (degClause == c && start - degEnd <= DEGREE_WINDOW) {
        v *= negated && negStart < degStart ? NEGATED_DEGREE : degree;
        mask |= bit(Rule.DEGREE);
      }
      if (c == expectClause) {
        v = -v * EXPECTED;
        mask |= bit(Rule.EXPECTATION);
      }
      if (s.contrastEnd >= 0) {
        if (start >= s.contrastEnd) {
          v *= CONTRAST_LATER;
          mask |= bit(Rule.CONTRAST_LATER);
        } else {
          v *= CONTRAST_EARLIER;
          mask |= bit(Rule.CONTRAST_EARLIER);
        }
      }
      if (v < 0 && s.clauseRhetorical[c]) {
        v = -v * RHETORICAL;
        mask |= bit(Rule.RHETORICAL_QUESTION);
      } else if (v > 0 && praiseNegated && s.clauseReversingEnd[c] >= 0 && s.clauseReversingEnd[c] <= start) {
        // 难道不好吃吗: the question reverses the negated praise back into praise
        v = -v * RHETORICAL;
        mask |= bit(Rule.RHETORICAL_QUESTION);
      }
      if (v < 0 && (s.sarcasm || s.clauseSarcasm[c])) {
        v = -v * SARCASM;
        mask |= bit(Rule.SARCASM);
      }
      if (s.clauseExcl[c] >= 2) {
        v *= EXCLAMATION;
        mask |= bit(Rule.REPEATED_PUNCTUATION);
      }
      if (v > 0) {
        s.negSum += v;
      } else {
        s.posSum -= v;
      }
      s.clauseNet[c] += v;
      s.ruleMask |= mask;
      if (evidence) {
        s.addEvidence(new Evidence(terms[e], v, RULE_SETS.get(mask)));
        if (v > 0 && categories[e].length > 0) {
          // a weak complaint word (退款 0.6) names its category only when its clause is negative overall
          if (weights[e] >= 1.0) {
            s.addCategoryHit(e);
          } else {
            s.addTopic(e, c);
          }
        }
      }
      negCount = 0;
      negEnd = Integer.MIN_VALUE / 2;
      degClause = -1;
      degEnd = Integer.MIN_VALUE / 2;
    }
    for (int c = 0; c < s.clauseCount; c++) {
      // a question mark adds to what the clause says; a plain question (请问明天营业吗?) says nothing
      if (s.clauseQuest[c] == 1 && QUESTION > 0 && (s.clauseSentiment[c] || s.clauseRhetorical[c])) {
        s.negSum += QUESTION;
        s.ruleMask |= bit(Rule.RHETORICAL_QUESTION);
        if (evidence) {
          s.addEvidence(new Evidence("?", QUESTION, RULE_SETS.get(bit(Rule.RHETORICAL_QUESTION))));
        }
      }
      if (s.clauseQuest[c] >= 2) {
        s.negSum += REPEATED_QUESTION;
        s.ruleMask |= bit(Rule.REPEATED_PUNCTUATION);
        if (evidence) {
          s.addEvidence(new Evidence("??", REPEATED_QUESTION, RULE_SETS.get(bit(Rule.REPEATED_PUNCTUATION))));
        }
      }
    }
    if (evidence) {
      double raw = s.negSum - s.posSum;
      for (int t = 0; t < s.topicCount; t++) {
        int c = s.topicClause[t];
        if (s.clauseNet[c] > 0 || (s.clauseNet[c] == 0 && raw > 1.0)) {
          s.addCategoryHit(s.topicEntry[t]);
        }
      }
    }
  }

  /**
   * The code points between a negator and its term, not counting whitespace or a degree adverb in between
   * (不是很好吃, "not very good"); stops counting past the window.
   */
  private static int negationGap(int[] cps, int from, int to, int degStart, int degEnd) {
    int gap = 0;
    for (int i = from; i < to && gap <= NEGATION_WINDOW; i++) {
      if (cps[i] != ' ' && (i < degStart || i >= degEnd)) {
        gap++;
      }
    }
    return gap;
  }

  private static boolean standsAlone(int[] cps, int start, int end, int n) {
    return (start == 0 || !isDigit(cps[start - 1])) && (end >= n || !isDigit(cps[end]));
  }

  private static boolean isDigit(int cp) {
    return cp >= '0' && cp <= '9';
  }

  private static boolean isSentiment(TermKind kind) {
    return kind == TermKind.POS || kind == TermKind.NEG;
  }

  private static int bit(Rule rule) {
    return 1 << rule.ordinal();
  }
}
