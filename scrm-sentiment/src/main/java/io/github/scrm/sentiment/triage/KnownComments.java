package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.Polarity;
import io.github.scrm.sentiment.Severity;
import io.github.scrm.sentiment.internal.LexiconEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The comments known to the queue, by id and by author thread, and the follow-up rule that links a new comment to the
 * earlier ones of the same author in the same thread. Not thread-safe: the queue calls it under its lock.
 */
final class KnownComments {

  /** What makes a neutral comment a question, in normalised (simplified, half-width) form. */
  private static final List<String> QUESTION_MARKERS =
      List.of("?", "吗", "请问", "什么时候", "怎么", "为什么", "多久", "何时", "有没有", "能不能", "人呢", "在不在");

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<ThreadKey, List<Entry>> byAuthorThread = new HashMap<>();
  private final SlaDeadlines deadlines;

  KnownComments(SlaDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Nullable Entry get(String commentId) {
    return entries.get(commentId);
  }

  void put(Entry e) {
    entries.put(e.id(), e);
  }

  /** Whether {@code e} is still the entry known under its id (not purged or replaced). */
  boolean isCurrent(Entry e) {
    return entries.get(e.id()) == e;
  }

  Collection<Entry> all() {
    return entries.values();
  }

  int size() {
    return entries.size();
  }

  int authorThreads() {
    return byAuthorThread.size();
  }

  /** Forgets replied and resolved comments created before {@code cutoff}; returns how many. */
  int purgeClosedBefore(Instant cutoff) {
    List<Entry> removed = new ArrayList<>();
    entries.values().removeIf(e -> {
      boolean drop = e.status != CommentStatus.OPEN && e.comment.createdAt().isBefore(cutoff);
      if (drop) {
        removed.add(e);
      }
      return drop;
    });
    for (Entry e : removed) {
      ThreadKey key = ThreadKey.of(e.comment);
      List<Entry> thread = key == null ? null : byAuthorThread.get(key);
      if (thread != null) {
        thread.remove(e);
        if (thread.isEmpty()) {
          byAuthorThread.remove(key);
        }
      }
    }
    return removed.size();
  }

  /**
   * Links a new comment to the earlier comments of its author in the same thread: when the new comment is an ask (a
   * complaint or a question that is not praise), the earlier open asks count as repeats and raise it to high; replied
   * or resolved complaints are reopened when the new comment was written after the reply and is not positive (a
   * thank-you closes nothing again). Returns the ids of the reopened comments.
   */
  List<String> linkAuthorThread(Entry e) {
    ThreadKey key = ThreadKey.of(e.comment);
    if (key == null) {
      return List.of();
    }
    List<Entry> earlier = byAuthorThread.computeIfAbsent(key, k -> new ArrayList<>(2));
    List<String> reopened = new ArrayList<>();
    boolean asks = isAsk(e);
    for (Entry prior : earlier) {
      if (prior.comment.createdAt().isAfter(e.comment.createdAt())) {
        continue;
      }
      if (prior.status == CommentStatus.OPEN) {
        if (asks && isAsk(prior)) {
          e.repeats++;
        }
      } else if (prior.severity != Severity.NONE && reopens(e, prior)) {
        prior.status = CommentStatus.OPEN;
        prior.repliedAt = null;
        prior.reopened = true;
        prior.repeats++;
        prior.openedAt = e.comment.createdAt();
        prior.slaEscalated = false;
        deadlines.schedule(prior);
        reopened.add(prior.id());
      }
    }
    if (e.repeats > 0 && Severity.HIGH.isAbove(e.severity)) {
      e.severity = Severity.HIGH;
      e.severityReason = "high: asked again without an answer"
          + (e.analysis.severity() == Severity.NONE ? "" : " (" + e.analysis.severityReason() + ")");
    }
    earlier.add(e);
    return reopened;
  }

  /**
   * Whether a comment asks the brand for something: a complaint, or a question such as 请问什么时候发货 (which scores
   * neutral), but never praise. Asking again unanswered is what makes a customer angry, whatever the words.
   */
  static boolean isAsk(Entry e) {
    if (e.analysis.score().polarity() == Polarity.POSITIVE) {
      return false;
    }
    if (e.severity != Severity.NONE) {
      return true;
    }
    String text = LexiconEngine.normalizedTerm(e.comment.text());
    for (String marker : QUESTION_MARKERS) {
      if (text.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reopens(Entry followUp, Entry closed) {
    if (followUp.analysis.score().polarity() == Polarity.POSITIVE) {
      return false;
    }
    // a follow-up written before the reply (and submitted late) was answered by it
    return closed.repliedAt == null || followUp.comment.createdAt().isAfter(closed.repliedAt);
  }

  /** The same author in the same thread; strings cache their hash codes, so no key text is built. */
  private record ThreadKey(String author, String platform, String thread) {
    static @Nullable ThreadKey of(Comment c) {
      return c.authorKey().isEmpty() ? null : new ThreadKey(c.authorKey(), c.platform(), c.threadId());
    }
  }
}
