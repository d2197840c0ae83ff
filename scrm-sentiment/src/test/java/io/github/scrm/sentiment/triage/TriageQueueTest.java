package io.github.scrm.sentiment.triage;

import static io.github.scrm.sentiment.triage.Comments.NOW;
import static io.github.scrm.sentiment.triage.Comments.aComment;
import static io.github.scrm.sentiment.triage.Comments.aRecentComment;
import static io.github.scrm.sentiment.triage.Comments.aComplaintBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.CustomerValue;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.sentiment.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class TriageQueueTest {

  private final MutableClock clock = new MutableClock(NOW);
  private final TriageQueue queue = TriageQueue.builder().clock(clock).clusterAlertSize(3).build();

  @Test
  void build_withoutClock_namesTheFix() {
    assertThatThrownBy(() -> TriageQueue.builder().build())
        .hasMessageContaining("clock is required: pass Clock.systemUTC()");
  }

  @Test
  void top_explainsTheRankWithReasons() {
    queue.submit(aComment("c1", "饭里吃出一只苍蝇，恶心").followers(3200).createdAt(NOW.minus(Duration.ofMinutes(130)))
        .build());
    RankedComment top = queue.top(1).get(0);
    assertThat(top.rank()).isEqualTo(1);
    assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(top.categories()).contains("hygiene_food_safety");
    assertThat(top.reasons()).contains("critical: Hygiene or food safety (吃出, 苍蝇)", "3,200 followers",
        "unanswered 2 h 10 min against an SLA of 1 h (overdue)");
  }

  @Test
  void resubmissionWithMilderText_keepsTheSeverityAndTheCategoriesThatSetIt() {
    queue.submit(aRecentComment("c1", "饭里吃出一只苍蝇，恶心").build());
    Submission edited = queue.submit(aRecentComment("c1", "还行吧").build());
    assertThat(edited.analysis().categoryIds()).as("the current text names no issue").isEmpty();
    assertThat(edited.severity()).isEqualTo(Severity.CRITICAL);

    RankedComment ranked = queue.top(1).get(0);
    assertThat(ranked.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(ranked.categories()).containsExactly("hygiene_food_safety");
    assertThat(ranked.reasons()).contains("critical: Hygiene or food safety (吃出, 苍蝇)");
    assertThat(ranked.analysis()).as("the analysis is the current text's").isEqualTo(edited.analysis());
  }

  @Test
  void resubmissionWithAnotherIssue_listsTheWorstFirstThenTheCurrent() {
    queue.submit(aRecentComment("c1", "饭里吃出一只苍蝇，恶心").build());
    queue.submit(aRecentComment("c1", "送错了").build());
    assertThat(queue.top(1).get(0).categories()).first().isEqualTo("hygiene_food_safety");
    assertThat(queue.top(1).get(0).categories()).hasSizeGreaterThan(1).doesNotHaveDuplicates();
  }

  @Test
  void markReplied_removesTheCommentFromTheTop() {
    queue.submit(aRecentComment("c1", "送错了").build());
    queue.submit(aRecentComment("c2", "太难吃了").build());
    assertThat(queue.markReplied("c1", NOW)).isTrue();
    assertThat(queue.top(10)).extracting(RankedComment::commentId).containsExactly("c2");
    assertThat(queue.statusOf("c1")).contains(CommentStatus.REPLIED);
    assertThat(queue.priorityOf("c1")).isEmpty();
    assertThat(queue.markReplied("unknown", NOW)).isFalse();
  }

  @Test
  void submit_withBrandReply_isNotRanked() {
    queue.submit(aRecentComment("c1", "送错了").brandRepliedAt(NOW).build());
    assertThat(queue.top(10)).isEmpty();
  }

  @Test
  void followUpBySameAuthor_reopensTheRepliedCommentWithRaisedPriority() {
    queue.submit(aComplaintBy("c1", "amy", "post-1", "退款一直没到账", NOW.minus(Duration.ofHours(3))).build());
    double before = queue.priorityOf("c1").orElseThrow();
    queue.markReplied("c1", NOW.minus(Duration.ofHours(2)));
    Submission followUp = queue.submit(aComplaintBy("c2", "amy", "post-1", "还是没退", NOW).build());
    assertThat(followUp.reopenedCommentIds()).containsExactly("c1");
    assertThat(queue.statusOf("c1")).contains(CommentStatus.OPEN);
    assertThat(queue.top(5).stream().filter(r -> r.commentId().equals("c1")).findFirst().orElseThrow().reasons())
        .contains("reopened by a follow-up from the same author");
    assertThat(queue.priorityOf("c1").orElseThrow()).isGreaterThan(before - 1.0);
  }

  @Test
  void thankYouFollowUp_leavesTheResolvedComplaintClosed() {
    queue.submit(aComplaintBy("c1", "amy", "post-1", "饭里吃出苍蝇", NOW.minus(Duration.ofHours(3))).build());
    queue.markResolved("c1");
    Submission thanks = queue.submit(aComplaintBy("c2", "amy", "post-1", "谢谢客服，已经解决了，很满意！", NOW).build());
    assertThat(thanks.reopenedCommentIds()).isEmpty();
    assertThat(queue.statusOf("c1")).contains(CommentStatus.RESOLVED);
    assertThat(queue.top(10)).extracting(RankedComment::commentId).doesNotContain("c1");
  }

  @Test
  void followUpWrittenBeforeTheReply_doesNotReopenIt() {
    java.time.Instant asked = NOW.minus(Duration.ofHours(2));
    queue.submit(aComplaintBy("a1", "amy", "post-1", "退款一直没到账", asked).build());
    queue.markReplied("a1", asked.plus(Duration.ofMinutes(50)));
    Submission late = queue.submit(aComplaintBy("a2", "amy", "post-1", "还是没退，什么时候退？",
        asked.plus(Duration.ofMinutes(10))).build());
    assertThat(late.reopenedCommentIds()).isEmpty();
    assertThat(queue.statusOf("a1")).contains(CommentStatus.REPLIED);
  }

  @Test
  void resubmittingAReopenedComment_keepsItOpenUntilANewerReply() {
    java.time.Instant asked = NOW.minus(Duration.ofHours(3));
    java.time.Instant replied = asked.plus(Duration.ofMinutes(30));
    queue.submit(aComplaintBy("c1", "amy", "post-1", "退款一直没到账", asked).brandRepliedAt(replied).build());
    assertThat(queue.statusOf("c1")).contains(CommentStatus.REPLIED);
    queue.submit(aComplaintBy("c2", "amy", "post-1", "还是没退", NOW.minus(Duration.ofHours(1))).build());
    assertThat(queue.statusOf("c1")).contains(CommentStatus.OPEN);
    Submission update = queue.submit(aComplaintBy("c1", "amy", "post-1", "退款一直没到账", asked).brandRepliedAt(replied)
        .likes(12).build());
    assertThat(update.update()).isTrue();
    assertThat(queue.statusOf("c1")).contains(CommentStatus.OPEN);
    queue.submit(aComplaintBy("c1", "amy", "post-1", "退款一直没到账", asked).brandRepliedAt(NOW).likes(12).build());
    assertThat(queue.statusOf("c1")).contains(CommentStatus.REPLIED);
  }

  @Test
  void askingAgainUnanswered_raisesSeverityToHigh() {
    queue.submit(aComplaintBy("c1", "bob", "post-1", "我的外卖怎么还没到", NOW.minus(Duration.ofHours(1))).build());
    Submission again = queue.submit(aComplaintBy("c2", "bob", "post-1", "还没到？？", NOW).build());
    assertThat(again.severity()).isEqualTo(Severity.HIGH);
    RankedComment ranked = queue.top(1).get(0);
    assertThat(ranked.commentId()).isEqualTo("c2");
    assertThat(ranked.reasons()).anyMatch(r -> r.startsWith("high: asked again without an answer"))
        .anyMatch(r -> r.startsWith("asked again: 1 earlier unanswered comment"));
  }

  @Test
  void askingTheSameQuestionAgainUnanswered_raisesItAboveMildComplaints() {
    queue.submit(aComplaintBy("q1", "bob", "post-1", "请问什么时候发货", NOW.minus(Duration.ofHours(2))).build());
    queue.submit(aRecentComment("mild", "有点咸").build());
    Submission again = queue.submit(aComplaintBy("q2", "bob", "post-1", "请问到底什么时候发货？", NOW).build());
    assertThat(again.severity()).isEqualTo(Severity.HIGH);
    RankedComment top = queue.top(1).get(0);
    assertThat(top.commentId()).isEqualTo("q2");
    assertThat(top.reasons()).contains("high: asked again without an answer");
  }

  @Test
  void complaintAfterTheAuthorsOwnPraise_isNoRepeatedAsk() {
    queue.submit(aComplaintBy("p1", "amy", "post-1", "菜很好吃，下次还来", NOW.minus(Duration.ofHours(1))).build());
    Submission complaint = queue.submit(aComplaintBy("p2", "amy", "post-1", "就是送餐有点慢", NOW).build());
    assertThat(complaint.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(queue.top(1).get(0).reasons()).noneMatch(r -> r.startsWith("asked again"));
  }

  @Test
  void otherAuthorsInTheThread_areNotRepeatedAsks() {
    queue.submit(aComplaintBy("c1", "bob", "post-1", "送得太慢", NOW.minus(Duration.ofHours(1))).build());
    assertThat(queue.submit(aComplaintBy("c2", "eve", "post-1", "送得太慢", NOW).build()).severity())
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void pollEscalations_reportsSlaBreachesOnceAndClusterAlerts() {
    queue.submit(aComment("c1", "吃完拉肚子了").createdAt(NOW).build());
    assertThat(queue.pollEscalations()).isEmpty();
    clock.advance(Duration.ofMinutes(61));
    List<Escalation> escalations = queue.pollEscalations();
    assertThat(escalations).hasSize(1).first().isInstanceOfSatisfying(Escalation.SlaBreached.class, e -> {
      assertThat(e.commentId()).isEqualTo("c1");
      assertThat(e.sla()).isEqualTo(Duration.ofHours(1));
    });
    assertThat(queue.pollEscalations()).isEmpty();
    for (int i = 0; i < 3; i++) {
      queue.submit(aComment("late-" + i, "送餐太慢了，一个多小时才送到").createdAt(clock.instant()).build());
    }
    assertThat(queue.pollEscalations()).singleElement().isInstanceOfSatisfying(Escalation.ClusterAlert.class,
        a -> assertThat(a.size()).isEqualTo(3));
  }

  @Test
  void plainQuestion_isNoComplaintAndNeverEscalates() {
    Submission question = queue.submit(aComment("q1", "请问明天营业吗?").createdAt(NOW).build());
    assertThat(question.severity()).isEqualTo(Severity.NONE);
    clock.advance(Duration.ofHours(25));
    assertThat(queue.pollEscalations()).isEmpty();
  }

  @Test
  void submit_praiseAppendedIntoAComplaint_joinsItsIssueCluster() {
    queue.submit(aRecentComment("a", "吃完拉肚子了").build());
    queue.submit(aRecentComment("b", "吃完拉肚子了").build());
    queue.submit(aRecentComment("e", "很好吃").build());
    Submission appended = queue.submit(aRecentComment("e", "很好吃。追评：吃完拉肚子了").build());
    assertThat(appended.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(appended.clusterId()).isNotEmpty()
        .isEqualTo(queue.submit(aRecentComment("a", "吃完拉肚子了").build()).clusterId());
    assertThat(queue.pollEscalations()).anySatisfy(e -> assertThat(e).isInstanceOf(Escalation.ClusterAlert.class));
  }

  @Test
  void severityRisingAfterAnSlaBreach_escalatesAgain() {
    queue.submit(aComment("c1", "有点咸").createdAt(NOW).build());
    clock.advance(Duration.ofHours(25));
    assertThat(queue.pollEscalations()).singleElement().isInstanceOfSatisfying(Escalation.SlaBreached.class,
        e -> assertThat(e.severity()).isEqualTo(Severity.LOW));
    queue.submit(aComment("c1", "有点咸，吃完还拉肚子了").createdAt(NOW).build());
    assertThat(queue.pollEscalations()).singleElement().isInstanceOfSatisfying(Escalation.SlaBreached.class, e -> {
      assertThat(e.commentId()).isEqualTo("c1");
      assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
    });
    assertThat(queue.pollEscalations()).isEmpty();
  }

  @Test
  void repliedComment_doesNotEscalate() {
    queue.submit(aComment("c1", "吃完拉肚子了").createdAt(NOW).build());
    queue.markReplied("c1", NOW.plusSeconds(60));
    clock.advance(Duration.ofHours(2));
    assertThat(queue.pollEscalations()).isEmpty();
  }

  @Test
  void customerValue_comesFromTheCoreLookupAndRaisesPriority() {
    CustomerId vip = CustomerId.of("vip-1");
    TriageQueue withValues = TriageQueue.builder().clock(clock).customerValues(id -> id.equals(vip)
        ? Optional.of(new CustomerValue(Money.fen(12_345_00), 40, "gold")) : Optional.empty()).build();
    withValues.submit(aRecentComment("vip", "送错了").customerId(vip).build());
    withValues.submit(aRecentComment("other", "送错了").customerId(CustomerId.of("c-2")).build());
    List<RankedComment> top = withValues.top(2);
    assertThat(top.get(0).commentId()).isEqualTo("vip");
    assertThat(top.get(0).reasons()).contains("customer value: spent 12345.00 CNY in 40 orders, member level gold");
  }

  @Test
  void resubmission_updatesEngagementAndVelocity() {
    queue.submit(aRecentComment("c1", "送错了").likes(0).build());
    clock.advance(Duration.ofMinutes(30));
    Submission update = queue.submit(aRecentComment("c1", "送错了").likes(500).reposts(100).build());
    assertThat(update.update()).isTrue();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.top(1).get(0).reasons()).contains("engagement growing 1,400/h");
  }

  @Test
  void summary_countsCategoriesWithTrend() {
    for (int i = 0; i < 3; i++) {
      queue.submit(aComment("late-" + i, "送得太慢了").createdAt(NOW.minus(Duration.ofMinutes(10 + i))).build());
    }
    queue.submit(aComment("late-old", "送得太慢了").createdAt(NOW.minus(Duration.ofMinutes(90))).build());
    queue.submit(aComment("fly", "有苍蝇").createdAt(NOW.minus(Duration.ofMinutes(20))).build());
    queue.submit(aComment("fly-old-1", "有苍蝇").createdAt(NOW.minus(Duration.ofMinutes(70))).build());
    queue.submit(aComment("fly-old-2", "有头发").createdAt(NOW.minus(Duration.ofMinutes(80))).build());
    List<CategorySummary> summary = queue.summary(NOW.minus(Duration.ofHours(1)), NOW);
    assertThat(summary).extracting(s -> s.category().id()).containsExactly("delivery_speed", "hygiene_food_safety");
    assertThat(summary.get(0).count()).isEqualTo(3);
    assertThat(summary.get(0).previousCount()).isEqualTo(1);
    assertThat(summary.get(0).trend()).isEqualTo(CategorySummary.Trend.RISING);
    assertThat(summary.get(1).trend()).isEqualTo(CategorySummary.Trend.FALLING);
    assertThat(summary.get(0).exampleCommentIds()).hasSize(3);
  }

  @Test
  void clusterIds_comeFromTheIdSource() {
    TriageQueue withIds = TriageQueue.builder().clock(clock).idSource(IdSource.sequential("shop", 7)).build();
    assertThat(withIds.submit(aRecentComment("c1", "送得太慢了").build()).clusterId()).isEqualTo("cluster-shop-1");
    assertThat(queue.submit(aRecentComment("c1", "送得太慢了").build()).clusterId()).isEqualTo("cluster-1");
  }

  @Test
  void purgeClosedBefore_forgetsOnlyClosedComments() {
    queue.submit(aComment("old-open", "送错了").createdAt(NOW.minus(Duration.ofDays(3))).build());
    queue.submit(aComment("old-closed", "送错了").createdAt(NOW.minus(Duration.ofDays(3))).build());
    queue.markResolved("old-closed");
    assertThat(queue.purgeClosedBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);
    assertThat(queue.statusOf("old-closed")).isEmpty();
    assertThat(queue.statusOf("old-open")).contains(CommentStatus.OPEN);
  }

  @Test
  void purgeClosedBefore_releasesTheClustersAndThreadsOfPurgedComments() {
    for (int i = 0; i < 5; i++) {
      queue.submit(aComplaintBy("old-" + i, "u" + i, "post-" + i, "送得太慢了" + "！".repeat(i),
          NOW.minus(Duration.ofDays(3)).plusSeconds(i)).build());
      queue.markResolved("old-" + i);
    }
    queue.submit(aComplaintBy("new", "eve", "post-9", "送得太慢了", NOW.minus(Duration.ofMinutes(5))).build());
    assertThat(queue.purgeClosedBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(5);
    assertThat(queue.heldClustersAndThreads()).containsExactly(1, 1);
    assertThat(queue.top(1).get(0).commentId()).isEqualTo("new");
  }

  @Test
  void comment_redactsTextAndHandleInToString() {
    Comment c = aRecentComment("c1", "我的电话是13800000000").authorHandle("张三").build();
    assertThat(c.toString()).doesNotContain("13800000000").doesNotContain("张三").contains("c1");
  }

  @Test
  void concurrentSubmitsRepliesAndReads_keepTheQueueConsistent() throws Exception {
    int threads = 4;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            String id = thread + "-" + i;
            queue.submit(aComplaintBy(id, "u" + (i % 7), "post-" + (i % 5), i % 2 == 0 ? "送得太慢了" : "有头发",
                NOW.minusSeconds(i)).build());
            if (i % 3 == 0) {
              queue.markReplied(id, NOW);
            }
            if (i % 50 == 0) {
              queue.top(10);
              queue.pollEscalations();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(queue.size()).isEqualTo(threads * perThread);
    List<RankedComment> all = queue.top(Integer.MAX_VALUE);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).priority()).isLessThanOrEqualTo(all.get(i - 1).priority());
    }
    assertThat(all).allSatisfy(r -> assertThat(queue.statusOf(r.commentId())).contains(CommentStatus.OPEN));
  }
}
