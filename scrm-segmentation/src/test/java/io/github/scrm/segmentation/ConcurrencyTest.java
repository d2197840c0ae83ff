package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class ConcurrencyTest {

  private final Segmentation seg = Segmentation.builder()
      .businessTime(BusinessTime.of(Clock.fixed(RandomRules.AS_OF, BusinessTime.SHANGHAI))).build();

  @Test
  void compiledRuleSet_evaluatedFromManyThreads_givesTheSingleThreadedResults() throws InterruptedException {
    CompiledRuleSet rules = seg.compile(RandomRules.ruleSet(42, 10, 3)).orThrow();
    List<AttributeMap> profiles = IntStream.range(0, 300).mapToObj(i -> RandomRules.profile(1000 + i)).toList();
    List<List<String>> expected = profiles.stream()
        .map(p -> rules.evaluate(p, RandomRules.AS_OF).tagNames()).toList();
    ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int offset = t;
      threads.add(new Thread(() -> {
        for (int k = 0; k < 600; k++) {
          int i = (k * 7 + offset * 13) % profiles.size();
          if (!rules.evaluate(profiles.get(i), RandomRules.AS_OF).tagNames().equals(expected.get(i))) {
            mismatches.add("profile " + i);
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void activate_fromManyThreads_neverInstallsARejectedSet() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int n = t;
      threads.add(new Thread(() -> {
        for (int k = 0; k < 30; k++) {
          String when = (n + k) % 2 == 0 ? "orders.count > " + k : "orders.count > ";
          seg.activate("{\"schemaVersion\": 1, \"name\": \"t\", \"version\": " + (k + 1)
              + ", \"rules\": [{\"id\": \"a\", \"when\": \"" + when + "\"}]}");
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(seg.active()).isPresent();
    assertThat(seg.active().orElseThrow().document().problems()).isEmpty();
  }
}
