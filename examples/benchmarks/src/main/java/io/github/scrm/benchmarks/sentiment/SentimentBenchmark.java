package io.github.scrm.benchmarks.sentiment;

import io.github.scrm.sentiment.Sentiment;
import io.github.scrm.sentiment.SentimentScore;
import io.github.scrm.sentiment.spi.SentimentScorer;
import io.github.scrm.sentiment.training.SentimentModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Comments scored per second on one thread, about 30 characters each: the lexicon scorer and a trained model.
 * Targets: default at least 1,000,000/s, trained at least 500,000/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SentimentBenchmark {

  private List<String> comments;
  private SentimentScorer lexicon;
  private SentimentScorer trained;
  private int next;

  /** Loads the lexicon and trains a model on 20,000 comments. */
  @Setup
  public void setUp() {
    comments = BenchmarkComments.all();
    lexicon = Sentiment.defaultScorer();
    trained = SentimentModel.trainer().train(BenchmarkComments.training(20_000));
  }

  private String nextComment() {
    String c = comments.get(next);
    next = next + 1 == comments.size() ? 0 : next + 1;
    return c;
  }

  /** The default lexicon-and-rules scorer. */
  @Benchmark
  public SentimentScore defaultScorer() {
    return lexicon.score(nextComment());
  }

  /** A trained model (n-grams plus lexicon features). */
  @Benchmark
  public SentimentScore trainedScorer() {
    return trained.score(nextComment());
  }
}
