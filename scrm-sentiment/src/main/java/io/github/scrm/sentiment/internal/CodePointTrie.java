package io.github.scrm.sentiment.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A trie over Unicode code points giving the longest term that starts at a position: a direct table for the first
 * BMP code point, an open-addressing hash of (node, code point) transitions below. Matching a whole text costs at most
 * (text length x longest term) steps, with no backtracking.
 */
final class CodePointTrie {

  private static final long EMPTY = -1L;

  private final int[] rootBmp = new int[65536];
  private long[] keys;
  private int[] children;
  private int mask;
  private int size;
  private int[] values;
  private int nodeCount = 1;
  private final int maxDepth;

  /** Builds the trie; {@code values[i]} is returned for {@code terms.get(i)}; a later duplicate wins. */
  CodePointTrie(List<int[]> terms) {
    int capacity = Integer.highestOneBit(Math.max(16, terms.size() * 8)) * 2;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    children = new int[capacity];
    mask = capacity - 1;
    values = new int[capacity];
    Arrays.fill(values, -1);
    int depth = 0;
    for (int t = 0; t < terms.size(); t++) {
      int[] term = terms.get(t);
      if (term.length == 0) {
        continue;
      }
      depth = Math.max(depth, term.length);
      int node = 0;
      for (int cp : term) {
        int next = child(node, cp);
        if (next < 0) {
          next = nodeCount++;
          if (nodeCount >= values.length) {
            values = Arrays.copyOf(values, values.length * 2);
            Arrays.fill(values, nodeCount, values.length, -1);
          }
          put(node, cp, next);
        }
        node = next;
      }
      values[node] = t;
    }
    maxDepth = depth;
  }

  int maxDepth() {
    return maxDepth;
  }

  /**
   * The longest term starting at {@code from}, as {@code (length << 32) | termIndex}, or -1. Terms starting or ending
   * with an ASCII letter only match on word boundaries.
   */
  long longest(int[] text, int from, int to) {
    int first = text[from];
    if (isAsciiLetter(first) && from > 0 && isAsciiLetter(text[from - 1])) {
      return -1;
    }
    int node = child(0, first);
    long best = -1;
    int i = from;
    while (node > 0) {
      i++;
      int value = values[node];
      if (value >= 0 && !(i < to && isAsciiLetter(text[i - 1]) && isAsciiLetter(text[i]))) {
        best = ((long) (i - from) << 32) | value;
      }
      if (i >= to) {
        break;
      }
      node = child(node, text[i]);
    }
    return best;
  }

  private static boolean isAsciiLetter(int cp) {
    return (cp >= 'a' && cp <= 'z');
  }

  private int child(int node, int cp) {
    if (node == 0 && cp < 65536) {
      return rootBmp[cp] - 1;
    }
    long key = ((long) node << 21) | cp;
    int slot = mix(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return children[slot];
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void put(int node, int cp, int childNode) {
    if (node == 0 && cp < 65536) {
      rootBmp[cp] = childNode + 1;
      return;
    }
    if (size * 2 >= keys.length) {
      grow();
    }
    long key = ((long) node << 21) | cp;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    children[slot] = childNode;
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldChildren = children;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    children = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        children[slot] = oldChildren[i];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }
}
