package io.github.scrm.benchmarks;

/** Runs the JMH suite. */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  /** Delegates to JMH's runner. */
  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(args);
  }
}
