package io.github.scrm.sentiment.triage;

import static io.github.scrm.sentiment.triage.Comments.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.sentiment.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue on the hand-written triage set (155 comments with severity labels and metadata). */
final class TriageQualityTest {

  private final MutableClock clock = new MutableClock(NOW);
  private final List<Comments.Labelled> set = Comments.triageSet();

  private Map<String, Integer> ranks(TriageQueue queue) {
    Map<String, Integer> ranks = new HashMap<>();
    for (RankedComment r : queue.top(Integer.MAX_VALUE)) {
      ranks.put(r.commentId(), r.rank());
    }
    return ranks;
  }

  private TriageQueue loaded() {
    TriageQueue queue = TriageQueue.builder().clock(clock).build();
    set.forEach(l -> queue.submit(l.comment()));
    return queue;
  }

  @Test
  void set_isLargeEnoughAndCoversEverySeverity() {
    assertThat(set).hasSizeGreaterThanOrEqualTo(150);
    assertThat(set).extracting(Comments.Labelled::expectedSeverity)
        .contains("critical", "high", "medium", "low", "none");
  }

  @Test
  void analyzer_agreesWithTheLabelsOnNearlyAllComments() {
    TriageQueue queue = TriageQueue.builder().clock(clock).build();
    long agree = set.stream().filter(l -> queue.submit(l.comment()).severity().label().equals(l.expectedSeverity()))
        .count();
    assertThat(agree / (double) set.size()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void everyCriticalComment_ranksAboveEveryLowOne() {
    Map<String, Integer> ranks = ranks(loaded());
    int worstCritical = set.stream().filter(l -> l.expectedSeverity().equals("critical"))
        .mapToInt(l -> ranks.get(l.comment().id())).max().orElseThrow();
    int bestLow = set.stream().filter(l -> l.expectedSeverity().equals("low"))
        .mapToInt(l -> ranks.get(l.comment().id())).min().orElseThrow();
    assertThat(worstCritical).isLessThan(bestLow);
  }

  @Test
  void reach_movesACommentUp() {
    TriageQueue queue = loaded();
    Comment base = set.stream().filter(l -> l.expectedSeverity().equals("medium")).findFirst().orElseThrow().comment();
    queue.submit(ImmutableComment.copyOf(base).withId("quiet").withFollowers(0).withLikes(0).withReposts(0).withReplies(0));
    queue.submit(ImmutableComment.copyOf(base).withId("viral").withFollowers(2_000_000).withLikes(5_000).withReposts(900));
    Map<String, Integer> ranks = ranks(queue);
    assertThat(ranks.get("viral")).isLessThan(ranks.get("quiet"));
    assertThat(queue.priorityOf("viral").orElseThrow()).isGreaterThan(queue.priorityOf("quiet").orElseThrow() + 1.0);
    assertThat(queue.top(200).stream().filter(r -> r.commentId().equals("viral")).findFirst().orElseThrow()
        .reasons()).anyMatch(r -> r.contains("2,000,000 followers"));
  }

  @Test
  void waitingTime_movesACommentUp() {
    TriageQueue queue = loaded();
    Comment base = Comments.aRecentComment("base", "台灯买回来就不能用").build();
    queue.submit(ImmutableComment.copyOf(base).withId("fresh").withCreatedAt(NOW.minus(Duration.ofMinutes(1))));
    queue.submit(ImmutableComment.copyOf(base).withId("waiting").withCreatedAt(NOW.minus(Duration.ofHours(20))));
    Map<String, Integer> ranks = ranks(queue);
    assertThat(ranks.get("waiting")).isLessThan(ranks.get("fresh"));
    assertThat(queue.priorityOf("waiting").orElseThrow()).isGreaterThan(queue.priorityOf("fresh").orElseThrow() + 1.0);
    RankedComment waiting = queue.top(200).stream().filter(r -> r.commentId().equals("waiting")).findFirst()
        .orElseThrow();
    assertThat(waiting.reasons()).contains("unanswered 20 h against an SLA of 12 h (overdue)");
  }

  @Test
  void clusterSize_movesACommentUp() {
    TriageQueue queue = loaded();
    Comment alone = Comment.builder().id("alone").text("杯子收到就是碎的，包装破损").platform("weibo")
        .createdAt(NOW.minus(Duration.ofMinutes(30))).build();
    queue.submit(alone);
    String[] late = {"送餐太慢了，等了一个多小时才送到", "太慢了，一个多小时才送到", "送餐太慢了，一个多小时才送到，饭都凉了",
        "一个多小时才送到，太慢了", "送餐太慢了！一个多小时", "太慢了太慢了，一个多小时才送到", "送餐太慢了，等了一个多小时",
        "等了一个多小时才送到，送餐太慢"};
    for (int i = 0; i < late.length; i++) {
      queue.submit(Comment.builder().id("late-" + i).text(late[i]).platform("weibo")
          .createdAt(NOW.minus(Duration.ofMinutes(30 + i))).build());
    }
    Map<String, Integer> ranks = ranks(queue);
    RankedComment member = queue.top(300).stream().filter(r -> r.commentId().equals("late-0")).findFirst()
        .orElseThrow();
    assertThat(member.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(ranks.get("late-0")).isLessThan(ranks.get("alone"));
    assertThat(member.reasons()).anyMatch(r -> r.matches("one of (8|9|1[0-9]) similar 'Delivery speed' comments in .*"));
  }
}
