package io.github.scrm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class TextDictionaryTest {

  @Test
  void numberOf_sameTextTwice_givesTheSameNumberAndTheTextBack() {
    TextDictionary dictionary = new TextDictionary();
    int nike = dictionary.numberOf("Nike");
    assertThat(dictionary.numberOf("Anta")).isNotEqualTo(nike);
    assertThat(dictionary.numberOf("Nike")).isEqualTo(nike);
    assertThat(dictionary.text(nike)).isEqualTo("Nike");
  }

  @Test
  void numberOf_pastItsBounds_admitsNothingMore() {
    TextDictionary dictionary = new TextDictionary(3, 1);
    assertThat(dictionary.numberOfIdPrefix("order-")).isZero();
    assertThat(dictionary.numberOfIdPrefix("refund-")).as("a second prefix").isEqualTo(-1);
    assertThat(dictionary.numberOf("x".repeat(TextDictionary.MAX_TEXT_LENGTH + 1))).as("a long text").isEqualTo(-1);
    assertThat(dictionary.numberOf("a")).isEqualTo(1);
    assertThat(dictionary.numberOf("b")).isEqualTo(2);
    assertThat(dictionary.numberOf("c")).as("a fourth text").isEqualTo(-1);
    assertThat(dictionary.numberOfIdPrefix("order-")).isZero();
    assertThat(dictionary.size()).isEqualTo(3);
  }

  @Test
  void numberOf_fromManyThreads_givesEachTextOneNumber() throws Exception {
    TextDictionary dictionary = new TextDictionary();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          int[] numbers = new int[2_000];
          for (int i = 0; i < numbers.length; i++) {
            numbers[i] = dictionary.numberOf("sku-" + i);
          }
          return numbers;
        }));
      }
      int[] first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<int[]> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(first);
      }
      for (int i = 0; i < first.length; i++) {
        assertThat(dictionary.text(first[i])).isEqualTo("sku-" + i);
      }
      assertThat(dictionary.size()).isEqualTo(2_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
