package io.github.scrm.sentiment.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.sentiment.Polarity;
import io.github.scrm.sentiment.SentimentScore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SentimentScorer} must do. A host's scorer test extends this class and returns its scorer; the
 * library's own scorers do the same.
 */
public abstract class SentimentScorerContract {

  /** The scorer under test. */
  protected abstract SentimentScorer scorer();

  @Test
  void score_nullAndEmpty_areScoredNotThrown() {
    assertThat(scorer().score(null)).isNotNull();
    assertThat(scorer().score("").negativeScore()).isBetween(0.0, 1.0);
  }

  @Test
  void score_hugeBinaryAndMalformedText_neverThrows() {
    String huge = "x".repeat(10 * 1024 * 1024);
    assertThat(scorer().score(huge).negativeScore()).isBetween(0.0, 1.0);
    byte[] bytes = new byte[2048];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 131 + 7);
    }
    assertThat(scorer().score(new String(bytes, StandardCharsets.UTF_8)).negativeScore()).isBetween(0.0, 1.0);
    assertThat(scorer().score("\uDC00\uD800\u0000\uFFFF").negativeScore()).isBetween(0.0, 1.0);
  }

  @Test
  void score_clearComplaintAndPraise_areOrdered() {
    SentimentScore complaint = scorer().score("太难吃了，送得又慢，差评，再也不点了");
    SentimentScore praise = scorer().score("非常好吃，送餐很快，好评，还会再点");
    assertThat(complaint.negativeScore()).isGreaterThan(praise.negativeScore());
    assertThat(complaint.polarity()).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void score_isThreadSafe() throws Exception {
    SentimentScorer scorer = scorer();
    List<String> texts = List.of("太难吃了", "很好吃", "不是不好吃", "呵呵…真是太快了", "送得太慢了，但是好吃");
    List<Double> expected = texts.stream().map(t -> scorer.score(t).negativeScore()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            int k = i % texts.size();
            if (scorer.score(texts.get(k)).negativeScore() != expected.get(k)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
