package io.github.scrm.benchmarks.sentiment;

import io.github.scrm.sentiment.training.LabelledComment;
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

/** Time to train a model on 50,000 comments (target: at most 5 s). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainingBenchmark {

  private List<LabelledComment> examples;

  /** Builds the 50,000 examples. */
  @Setup
  public void setUp() {
    examples = BenchmarkComments.training(50_000);
  }

  /** Trains with the default settings. */
  @Benchmark
  public SentimentModel train50k() {
    return SentimentModel.trainer().train(examples);
  }
}
