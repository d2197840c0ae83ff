package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Ticker;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.spi.BatchProgressListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class BatchEvaluationTest {

  private static final Instant NOW = Instant.parse("2024-06-15T04:00:00Z");
  private final CompiledRuleSet rules = Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(NOW,
      BusinessTime.SHANGHAI))).build().compile(SegmentationTest.doc("""
          {"id": "even", "when": "orders.count / 2 = 0 or orders.count >= 0 and orders.count < 0"},
          {"id": "big", "when": "orders.count >= 15000"},
          {"id": "any", "kind": "segment", "when": "inSegment('big') or orders.count < 100"}""")).orThrow();

  private ProfileTable table(int n, long offset) {
    ProfileTable t = rules.newTable(16);
    for (int i = 0; i < n; i++) {
      t.add(CustomerId.of("c" + i), AttributeMap.builder().put(StandardAttributes.ORDERS, i + offset).build());
    }
    return t;
  }

  @Test
  void batch_countsSegmentsAndChanges_onSeveralThreads() {
    ProfileTable t = table(20_000, 0);
    List<BatchProgressListener.Progress> progress = new CopyOnWriteArrayList<>();
    BatchResult first = BatchEvaluation.over(t).asOf(NOW).threads(3).progress(progress::add).run();
    assertThat(first.evaluated()).isEqualTo(20_000);
    assertThat(first.cancelled()).isFalse();
    assertThat(first.sizes()).containsEntry("big", 5_000L).containsEntry("any", 5_100L).containsEntry("even", 1L);
    assertThat(first.gained()).containsEntry("big", 5_000L);
    assertThat(progress).last().satisfies(p -> {
      assertThat(p.done()).isEqualTo(20_000);
      assertThat(p.total()).isEqualTo(20_000);
    });
    for (int row = 0; row < 20_000; row += 997) {
      t.update(row, AttributeMap.builder().put(StandardAttributes.ORDERS, 99_999L).build(),
          List.of(StandardAttributes.ORDERS));
    }
    BatchResult second = BatchEvaluation.over(t).asOf(NOW).threads(2).run();
    assertThat(second.gained().get("big")).isEqualTo(16L);
    assertThat(second.lost().get("any")).isZero();
    assertThat(t.has(0, rules.indexOf("big"))).isTrue();
  }

  @Test
  void progress_isReportedWhileTheBatchRuns_withRateAndEta() {
    ProfileTable t = table(100_000, 0);
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = new Ticker() {
      @Override
      public long read() {
        return nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
      }
    };
    List<BatchProgressListener.Progress> progress = new CopyOnWriteArrayList<>();
    BatchEvaluation.over(t).asOf(NOW).threads(2).ticker(ticker).progress(progress::add).run();
    List<BatchProgressListener.Progress> during = progress.stream().filter(p -> p.done() < p.total()).toList();
    assertThat(during).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> {
      assertThat(p.done()).isPositive();
      assertThat(p.perSecond()).isPositive();
      assertThat(p.eta()).isPresent();
    });
    assertThat(progress).extracting(BatchProgressListener.Progress::done).isSorted();
    assertThat(progress).last().satisfies(p -> assertThat(p.done()).isEqualTo(100_000));
  }

  @Test
  void batch_canBeCancelled() {
    ProfileTable t = table(50_000, 0);
    AtomicInteger checks = new AtomicInteger();
    BatchResult r = BatchEvaluation.over(t).asOf(NOW).threads(1).cancelWhen(() -> checks.incrementAndGet() > 3)
        .run();
    assertThat(r.cancelled()).isTrue();
    assertThat(r.evaluated()).isEqualTo(3 * 4096);
  }
}
