package io.github.scrm.sentiment.triage;

import static io.github.scrm.sentiment.triage.Comments.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IssueClustersTest {

  private int next;
  // distance 0: only identical hashes are similar, so every other hash opens its own cluster
  private final IssueClusters clusters = new IssueClusters(Duration.ofHours(2), 0, () -> "cluster-" + (++next));

  @Test
  void join_keepsAnActiveClusterACandidateWhileNewerClustersOpen() {
    IssueClusters.Cluster active = clusters.join("delivery_speed", 0L, NOW);
    for (int i = 1; i <= IssueClusters.RECENT_PER_CATEGORY + 5; i++) {
      clusters.join("delivery_speed", i, NOW.plusSeconds(i));
      assertThat(clusters.join("delivery_speed", 0L, NOW.plusSeconds(i)).id).isEqualTo(active.id);
    }
    assertThat(active.size).isEqualTo(IssueClusters.RECENT_PER_CATEGORY + 6);
  }

  @Test
  void forgetExpired_dropsClustersOutsideTheWindowThatNoCommentNeeds() {
    IssueClusters.Cluster old = clusters.join("delivery_speed", 0L, NOW);
    IssueClusters.Cluster oldButNeeded = clusters.join("delivery_speed", 1L, NOW);
    IssueClusters.Cluster recent = clusters.join("delivery_speed", 2L, NOW.plus(Duration.ofHours(3)));
    assertThat(clusters.forgetExpired(Set.of(oldButNeeded.id))).isEqualTo(1);
    assertThat(clusters.get(old.id)).isNull();
    assertThat(clusters.get(oldButNeeded.id)).isSameAs(oldButNeeded);
    assertThat(clusters.get(recent.id)).isSameAs(recent);
    assertThat(clusters.size()).isEqualTo(2);
    assertThat(clusters.join("delivery_speed", 0L, NOW.plus(Duration.ofHours(3))).id).isNotEqualTo(old.id);
  }
}
