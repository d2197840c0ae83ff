package io.github.scrm.sentiment.triage;

import io.github.scrm.core.spi.CustomerValue;
import io.github.scrm.core.spi.CustomerValueLookup;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.sentiment.CategoryMatch;
import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.CommentAnalyzer;
import io.github.scrm.sentiment.Sentiment;
import io.github.scrm.sentiment.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The negative-comment priority queue: tells a brand which comment to answer next, and why.
 *
 * <pre>{@code
 * TriageQueue queue = TriageQueue.builder().clock(clock).customerValues(core::valueOf).build();
 * queue.submit(Comment.builder().id("c1").text("吃出头发了").createdAt(t).followers(3200).build());
 * for (RankedComment r : queue.top(10)) { ... r.reasons() ... }
 * queue.markReplied("c1", clock.instant());
 * }</pre>
 *
 * <p>Comments are analyzed on arrival (outside the lock), grouped into issue clusters (same category, similar text,
 * within the cluster window) and ranked on demand by the documented priority function ({@link PriorityWeights}) as of
 * the injected clock's now. Submitting a known id updates its counters and reply state; a follow-up by the same author
 * in the same thread, written after the reply and not positive, reopens their replied or resolved comments and raises
 * priority; asking again while unanswered
 * raises severity to high. {@link #pollEscalations()} returns SLA breaches and cluster alerts. Thread-safe: all
 * methods may be called concurrently.
 */
public final class TriageQueue {

  private final Clock clock;
  private final CommentAnalyzer analyzer;
  private final CustomerValueLookup customerValues;
  private final SlaPolicy sla;
  private final Duration clusterWindow;
  private final int clusterAlertSize;
  private final ReentrantLock lock = new ReentrantLock();
  private final IssueClusters clusters;
  private final Prioritizer prioritizer;
  private final SlaDeadlines deadlines;
  private final KnownComments known;
  private final List<Escalation> pending = new ArrayList<>();

  private TriageQueue(Builder b, Clock clock) {
    this.clock = clock;
    this.analyzer = b.analyzer != null ? b.analyzer : Sentiment.analyzer().build();
    this.customerValues = b.customerValues;
    this.sla = b.sla;
    this.clusterWindow = b.clusterWindow;
    this.clusterAlertSize = b.clusterAlertSize;
    IdSource idSource = b.idSource;
    long[] counter = {0};
    this.clusters = new IssueClusters(b.clusterWindow, b.clusterMaxDistance,
        idSource != null ? () -> "cluster-" + idSource.nextId() : () -> "cluster-" + (++counter[0]));
    this.prioritizer = new Prioritizer(b.weights, b.sla, clusters, b.clusterWindow);
    this.deadlines = new SlaDeadlines(b.sla);
    this.known = new KnownComments(deadlines);
  }

  /** A builder; only the clock is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Takes a new comment, or updates a known one (counters, reply state, text). */
  public Submission submit(Comment comment) {
    Objects.requireNonNull(comment, "comment");
    CommentAnalysis analysis = analyzer.analyze(comment.text(), comment.rating().orElse(null));
    long simhash = 0;
    if (analysis.severity() != Severity.NONE) {
      // only complaints are clustered; hash outside the lock
      List<String> triggers = new ArrayList<>();
      for (CategoryMatch m : analysis.categories()) {
        triggers.addAll(m.triggers());
      }
      simhash = SimHash.of(comment.text(), triggers);
    }
    Optional<CustomerValue> value = comment.customerId().flatMap(customerValues::valueOf);
    lock.lock();
    try {
      Instant now = clock.instant();
      Entry existing = known.get(comment.id());
      if (existing != null) {
        return update(existing, comment, analysis, simhash, now);
      }
      Entry e = new Entry(comment, analysis, now);
      e.interactions = Entry.interactions(comment);
      double ageHours = Math.max(0.25, (now.getEpochSecond() - comment.createdAt().getEpochSecond()) / 3600.0);
      e.perHour = e.interactions / ageHours;
      value.ifPresent(v -> Prioritizer.applyValue(e, v));
      List<String> reopened = known.linkAuthorThread(e);
      if (comment.brandRepliedAt().isPresent()) {
        e.status = CommentStatus.REPLIED;
        e.repliedAt = comment.brandRepliedAt().get();
      }
      joinCluster(e, analysis, simhash, now);
      known.put(e);
      scheduleDeadline(e);
      return new Submission(comment.id(), analysis, e.severity, e.clusterId, reopened, false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Marks a comment replied at {@code at}; false when the id is unknown. A later follow-up by the same author reopens
   * it only when written after {@code at}.
   */
  public boolean markReplied(String commentId, Instant at) {
    Objects.requireNonNull(at, "at");
    return close(commentId, CommentStatus.REPLIED, at);
  }

  /** Marks a comment resolved as of the clock's now; false when the id is unknown. */
  public boolean markResolved(String commentId) {
    return close(commentId, CommentStatus.RESOLVED, clock.instant());
  }

  /** The open comments in priority order, at most {@code n}, with reasons; checks SLA deadlines first. */
  public List<RankedComment> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, but was " + n);
    }
    lock.lock();
    try {
      Instant now = clock.instant();
      checkDeadlines(now);
      Comparator<Scored> order = Comparator.comparingDouble(Scored::priority).reversed()
          .thenComparing(s -> s.entry().comment.createdAt()).thenComparing(s -> s.entry().id());
      PriorityQueue<Scored> heap = new PriorityQueue<>(order.reversed());
      for (Entry e : known.all()) {
        if (e.status != CommentStatus.OPEN || n == 0) {
          continue;
        }
        heap.add(new Scored(e, prioritizer.priority(e, now)));
        if (heap.size() > n) {
          heap.poll();
        }
      }
      List<Scored> best = new ArrayList<>(heap);
      best.sort(order);
      List<RankedComment> out = new ArrayList<>(best.size());
      for (int i = 0; i < best.size(); i++) {
        Entry e = best.get(i).entry();
        out.add(new RankedComment(i + 1, e.id(), best.get(i).priority(), e.severity, e.categories(),
            e.clusterId, prioritizer.reasons(e, now), e.analysis));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** The priority of an open comment now; empty when unknown, replied or resolved. */
  public OptionalDouble priorityOf(String commentId) {
    lock.lock();
    try {
      Entry e = known.get(commentId);
      return e == null || e.status != CommentStatus.OPEN ? OptionalDouble.empty()
          : OptionalDouble.of(prioritizer.priority(e, clock.instant()));
    } finally {
      lock.unlock();
    }
  }

  /** The status of a comment; empty when unknown. */
  public Optional<CommentStatus> statusOf(String commentId) {
    lock.lock();
    try {
      Entry e = known.get(commentId);
      return e == null ? Optional.empty() : Optional.of(e.status);
    } finally {
      lock.unlock();
    }
  }

  /** Escalations raised since the last call: SLA breaches as of now and cluster alerts. */
  public List<Escalation> pollEscalations() {
    lock.lock();
    try {
      checkDeadlines(clock.instant());
      List<Escalation> out = List.copyOf(pending);
      pending.clear();
      return out;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The issue categories complained about in {@code [from, to)} by comment creation time, most frequent first, with
   * the count in the equally long period before and the trend.
   */
  public List<CategorySummary> summary(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to, but was " + from + " >= " + to);
    }
    lock.lock();
    try {
      return Summaries.of(known.all(), from, to);
    } finally {
      lock.unlock();
    }
  }

  /** Comments known to the queue, open or not. */
  public int size() {
    lock.lock();
    try {
      return known.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets replied and resolved comments created before {@code cutoff}, and the issue clusters and author threads
   * that only they needed; returns how many comments. Call it regularly: it is what frees the queue's memory.
   */
  public int purgeClosedBefore(Instant cutoff) {
    lock.lock();
    try {
      int purged = known.purgeClosedBefore(cutoff);
      Set<String> needed = new HashSet<>();
      for (Entry e : known.all()) {
        if (!e.clusterId.isEmpty()) {
          needed.add(e.clusterId);
        }
      }
      clusters.forgetExpired(needed);
      return purged;
    } finally {
      lock.unlock();
    }
  }

  /** How many issue clusters and author threads the queue holds: for tests of its memory use. */
  List<Integer> heldClustersAndThreads() {
    lock.lock();
    try {
      return List.of(clusters.size(), known.authorThreads());
    } finally {
      lock.unlock();
    }
  }

  /** Puts a complaint into its issue cluster, raising an alert when the cluster reaches the alert size. */
  private void joinCluster(Entry e, CommentAnalysis analysis, long simhash, Instant now) {
    if (analysis.severity() == Severity.NONE || !e.clusterId.isEmpty()) {
      return;
    }
    String category = analysis.categories().isEmpty() ? "general" : analysis.categories().get(0).category().id();
    IssueClusters.Cluster c = clusters.join(category, simhash, e.comment.createdAt());
    e.clusterId = c.id;
    if (c.size >= clusterAlertSize && !c.alerted) {
      c.alerted = true;
      pending.add(new Escalation.ClusterAlert(c.id, category, c.size, now));
    }
  }

  private Submission update(Entry e, Comment comment, CommentAnalysis analysis, long simhash, Instant now) {
    long interactions = Entry.interactions(comment);
    double hours = Math.max(1 / 60.0, Duration.between(e.observedAt, now).toSeconds() / 3600.0);
    if (interactions != e.interactions) {
      e.perHour = Math.max(0, interactions - e.interactions) / hours;
      e.interactions = interactions;
      e.observedAt = now;
    }
    e.comment = comment;
    e.analysis = analysis;
    // praise edited or appended into a complaint now counts toward its issue's frequency
    joinCluster(e, analysis, simhash, now);
    if (analysis.severity().isAbove(e.severity)) {
      e.severity = analysis.severity();
      e.severityReason = analysis.severityReason();
      e.severityCategories = analysis.categoryIds();
      e.slaEscalated = false; // a more severe complaint has a shorter SLA and may breach it again
      scheduleDeadline(e);
    }
    // a reply older than the (re)opening answered an earlier question, not the open one
    Optional<Instant> reply = comment.brandRepliedAt();
    if (reply.isPresent() && e.status == CommentStatus.OPEN && !reply.get().isBefore(e.openedAt)) {
      e.status = CommentStatus.REPLIED;
      e.repliedAt = reply.get();
    }
    return new Submission(comment.id(), analysis, e.severity, e.clusterId, List.of(), true);
  }

  private boolean close(String commentId, CommentStatus status, Instant at) {
    lock.lock();
    try {
      Entry e = known.get(commentId);
      if (e == null) {
        return false;
      }
      if (e.status == CommentStatus.OPEN || status == CommentStatus.RESOLVED) {
        e.status = status;
        e.repliedAt = e.repliedAt == null || at.isAfter(e.repliedAt) ? at : e.repliedAt;
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void scheduleDeadline(Entry e) {
    deadlines.schedule(e);
  }

  private void checkDeadlines(Instant now) {
    deadlines.due(now, known::isCurrent, pending);
  }

  private record Scored(Entry entry, double priority) {}

  /** Configures a queue. */
  public static final class Builder {
    private @Nullable Clock clock;
    private @Nullable CommentAnalyzer analyzer;
    private CustomerValueLookup customerValues = CustomerValueLookup.none();
    private PriorityWeights weights = PriorityWeights.defaults();
    private SlaPolicy sla = SlaPolicy.defaults();
    private Duration clusterWindow = Duration.ofHours(2);
    private int clusterAlertSize = 10;
    private int clusterMaxDistance = 24;
    private @Nullable IdSource idSource;

    private Builder() {}

    /** The source of "now" (required). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The analyzer; {@code Sentiment.analyzer().build()} when not set. */
    public Builder analyzer(CommentAnalyzer analyzer) {
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
      return this;
    }

    /** Where customer value comes from; none by default. */
    public Builder customerValues(CustomerValueLookup lookup) {
      this.customerValues = Objects.requireNonNull(lookup, "customerValues");
      return this;
    }

    /** The priority weights; {@link PriorityWeights#defaults()} when not set. */
    public Builder weights(PriorityWeights weights) {
      this.weights = Objects.requireNonNull(weights, "weights");
      return this;
    }

    /** The reply SLA per severity; {@link SlaPolicy#defaults()} when not set. */
    public Builder sla(SlaPolicy sla) {
      this.sla = Objects.requireNonNull(sla, "sla");
      return this;
    }

    /** How far apart in time comments of one cluster may be; 2 hours by default. */
    public Builder clusterWindow(Duration window) {
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("clusterWindow must be positive, but was " + window);
      }
      this.clusterWindow = window;
      return this;
    }

    /** The cluster size that raises a {@link Escalation.ClusterAlert}; 10 by default. */
    public Builder clusterAlertSize(int size) {
      if (size < 2) {
        throw new IllegalArgumentException("clusterAlertSize must be at least 2, but was " + size);
      }
      this.clusterAlertSize = size;
      return this;
    }

    /** The largest SimHash distance (of 64 bits) at which two comments are similar; 24 by default. */
    public Builder clusterMaxDistance(int bits) {
      if (bits < 0 || bits > 64) {
        throw new IllegalArgumentException("clusterMaxDistance must be between 0 and 64, but was " + bits);
      }
      this.clusterMaxDistance = bits;
      return this;
    }

    /** Where cluster ids come from; a per-queue counter ({@code cluster-1}, {@code cluster-2} ...) by default. */
    public Builder idSource(IdSource ids) {
      this.idSource = Objects.requireNonNull(ids, "idSource");
      return this;
    }

    /** Builds the queue. */
    public TriageQueue build() {
      if (clock == null) {
        throw new IllegalStateException(
            "clock is required: pass Clock.systemUTC() in production or a fixed clock in tests");
      }
      return new TriageQueue(this, clock);
    }
  }
}
