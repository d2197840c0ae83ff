package io.github.scrm.sentiment.internal;

import io.github.scrm.sentiment.Evidence;
import java.util.Arrays;

/** Per-thread buffers of the {@link LexiconEngine}; one pass reuses them, so scoring barely allocates. */
final class Scratch {
  final int[] cps = new int[TextNormalizer.MAX_CHARS + 8];
  int[] tEntry = new int[64];
  int[] tStart = new int[64];
  int[] tEnd = new int[64];
  int[] tClause = new int[64];
  int tokenCount;
  final int[] clauseExcl = new int[TextNormalizer.MAX_CHARS + 8];
  final int[] clauseQuest = new int[TextNormalizer.MAX_CHARS + 8];
  final boolean[] clauseRhetorical = new boolean[TextNormalizer.MAX_CHARS + 8];
  /** Where the clause's first reversing rhetorical marker (难道, 谁说 ...) ends, or -1. */
  final int[] clauseReversingEnd = new int[TextNormalizer.MAX_CHARS + 8];
  final boolean[] clauseSarcasm = new boolean[TextNormalizer.MAX_CHARS + 8];
  final double[] clauseNet = new double[TextNormalizer.MAX_CHARS + 8];
  /** Whether a clause holds a sentiment-bearing term (praise, complaint, sarcasm or rhetorical cue). */
  final boolean[] clauseSentiment = new boolean[TextNormalizer.MAX_CHARS + 8];
  int clauseCount;
  boolean sarcasm;
  int contrastEnd;
  double negSum;
  double posSum;
  int ruleMask;
  Evidence[] evidence = new Evidence[16];
  int evidenceCount;
  int[] topicEntry = new int[8];
  int[] topicClause = new int[8];
  int topicCount;
  int[] hits = new int[8];
  int hitCount;

  void reset() {
    tokenCount = 0;
    clauseCount = 0;
    sarcasm = false;
    contrastEnd = -1;
    negSum = 0;
    posSum = 0;
    ruleMask = 0;
    evidenceCount = 0;
    topicCount = 0;
    hitCount = 0;
  }

  void addToken(int entry, int start, int end, int clause) {
    if (tokenCount == tEntry.length) {
      int size = tEntry.length * 2;
      tEntry = Arrays.copyOf(tEntry, size);
      tStart = Arrays.copyOf(tStart, size);
      tEnd = Arrays.copyOf(tEnd, size);
      tClause = Arrays.copyOf(tClause, size);
    }
    tEntry[tokenCount] = entry;
    tStart[tokenCount] = start;
    tEnd[tokenCount] = end;
    tClause[tokenCount] = clause;
    tokenCount++;
  }

  void addEvidence(Evidence e) {
    if (evidenceCount == evidence.length) {
      evidence = Arrays.copyOf(evidence, evidence.length * 2);
    }
    evidence[evidenceCount++] = e;
  }

  void addTopic(int entry, int clause) {
    if (topicCount == topicEntry.length) {
      topicEntry = Arrays.copyOf(topicEntry, topicCount * 2);
      topicClause = Arrays.copyOf(topicClause, topicCount * 2);
    }
    topicEntry[topicCount] = entry;
    topicClause[topicCount] = clause;
    topicCount++;
  }

  void addCategoryHit(int entry) {
    if (hitCount == hits.length) {
      hits = Arrays.copyOf(hits, hitCount * 2);
    }
    hits[hitCount++] = entry;
  }

}
