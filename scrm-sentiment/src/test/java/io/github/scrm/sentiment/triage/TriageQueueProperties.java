package io.github.scrm.sentiment.triage;

import static io.github.scrm.sentiment.triage.Comments.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

final class TriageQueueProperties {

  private static final List<String> TEXTS = List.of("送得太慢了", "饭里有头发", "客服态度很差", "很好吃", "有点咸",
      "吃完拉肚子", "说好的赠品没发", "少送了一份", "还行", "我要打12315", "包装破损", "好评");

  /** Each int array encodes comments: text index, followers exponent, age in minutes, author, replied flag. */
  private static Gen<int[]> batches() {
    return Generate.intArrays(Generate.range(5, 60), Generate.range(0, 1_000_000));
  }

  private static TriageQueue fill(int[] seeds, Set<String> replied) {
    TriageQueue queue = TriageQueue.builder().clock(new MutableClock(NOW)).build();
    for (int i = 0; i < seeds.length; i++) {
      int s = seeds[i];
      String id = "c" + i;
      queue.submit(Comment.builder().id(id).text(TEXTS.get(s % TEXTS.size())).platform("weibo")
          .threadId("post-" + (s / 7 % 4)).authorHandle("u" + (s / 11 % 6)).followers((long) Math.pow(10, s / 13 % 7))
          .likes(s / 17 % 300).createdAt(NOW.minus(Duration.ofMinutes(s / 19 % 900))).build());
      if (s % 5 == 0) {
        queue.markReplied(id, NOW);
        replied.add(id);
      }
    }
    return queue;
  }

  @Test
  void top_isOrderedByThePriorityFunction() {
    qt().withExamples(60).forAll(batches()).checkAssert(seeds -> {
      TriageQueue queue = fill(seeds, new HashSet<>());
      List<RankedComment> top = queue.top(10);
      List<RankedComment> all = queue.top(Integer.MAX_VALUE);
      for (int i = 0; i < all.size(); i++) {
        RankedComment r = all.get(i);
        assertThat(r.priority()).isEqualTo(queue.priorityOf(r.commentId()).orElseThrow());
        if (i > 0) {
          assertThat(r.priority()).isLessThanOrEqualTo(all.get(i - 1).priority());
        }
      }
      assertThat(top).isEqualTo(all.subList(0, Math.min(10, all.size())));
    });
  }

  @Test
  void repliedComment_neverAppearsInTheTop() {
    qt().withExamples(60).forAll(batches()).checkAssert(seeds -> {
      Set<String> replied = new HashSet<>();
      TriageQueue queue = fill(seeds, replied);
      assertThat(queue.top(10)).noneMatch(r -> replied.contains(r.commentId())
          && queue.statusOf(r.commentId()).orElseThrow() != CommentStatus.OPEN);
      assertThat(queue.top(10)).allSatisfy(
          r -> assertThat(queue.statusOf(r.commentId())).contains(CommentStatus.OPEN));
    });
  }
}
