package io.github.scrm.benchmarks;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole JMH suite (or the benchmarks matching {@code --include}), writes the JMH JSON result file and prints
 * a summary table.
 *
 * <pre>
 * java -jar examples/benchmarks/target/benchmarks.jar [--quick] [--include REGEX] [--out FILE.json]
 * </pre>
 *
 * <p>Arguments in JMH's own syntax ({@code 'core.Ingest' -f 1 -wi 2 -i 3}) are handed to JMH unchanged.
 *
 * <p>{@code --quick} runs one fork with one short warm-up and one short measurement per benchmark and the smaller
 * populations (benchmarks with a {@code customers} parameter, the influence ranking among them, run on 100,000
 * instead of 1,000,000): for a smoke run and trends, not for the published figures.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && !args[0].startsWith("--") && !args[0].equals("-h")) {
      // plain JMH arguments ('regex' -f 1 -wi 2 ...): hand them to JMH's own command line
      org.openjdk.jmh.Main.main(args);
      return;
    }
    boolean quick = false;
    String include = ".*";
    String out = "jmh-result.json";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--include" -> include = args[++i];
        case "--out" -> out = args[++i];
        case "-h", "--help" -> {
          System.out.println("usage: benchmarks.jar [--quick] [--include REGEX] [--out FILE.json]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; try --help");
      }
    }
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .result(out)
        .resultFormat(ResultFormatType.JSON)
        // as jvmArgs, not jvmArgsAppend, so that a benchmark that needs more heap can append its own -Xmx
        .jvmArgs("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
    if (quick) {
      options.forks(1)
          .warmupIterations(1)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(1)
          .measurementTime(TimeValue.seconds(1))
          .param("customers", "100000");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    printSummary(results, System.out);
    printRulesRatios(results, System.out);
    System.out.println("JSON results: " + out);
  }

  static void printSummary(Collection<RunResult> results, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%-70s %-8s %16s %12s  %s%n", "benchmark", "mode", "score", "error", "unit");
    for (RunResult run : results) {
      Result<?> primary = run.getPrimaryResult();
      String name = run.getParams().getBenchmark().replace("io.github.scrm.benchmarks.", "");
      String params = run.getParams().getParamsKeys().stream()
          .map(k -> k + "=" + run.getParams().getParam(k))
          .reduce((a, b) -> a + "," + b)
          .map(p -> " [" + p + "]")
          .orElse("");
      out.printf(Locale.ROOT, "%-70s %-8s %16.3f %12.3f  %s%n", name + params, run.getParams().getMode().shortLabel(),
          primary.getScore(), primary.getScoreError(), primary.getScoreUnit());
    }
  }


  /**
   * The rules workload comparison as ratios from this run: how many times faster this engine is than each other
   * engine (below 1 means slower), next to the targets of the workload.
   */
  static void printRulesRatios(Collection<RunResult> results, PrintStream out) {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (RunResult run : results) {
      String name = run.getParams().getBenchmark();
      if (name.contains("RulesWorkloadBenchmark.") && run.getParams().getMode() == Mode.Throughput) {
        rates.put(name.substring(name.lastIndexOf('.') + 1), run.getPrimaryResult().getScore());
      }
    }
    Double engine = rates.get("engine");
    if (engine == null) {
      return;
    }
    out.println();
    out.println("rules workload, this engine compared with (ratios from this run):");
    String[][] targets = {
        {"handWritten", "at least 0.5x"}, {"spelCompiled", "at least 5x"}, {"easyRulesMvel", "at least 50x"},
        {"jsonLogic", "at least 300x"}};
    for (String[] target : targets) {
      Double other = rates.get(target[0]);
      if (other != null && other > 0) {
        out.printf(Locale.ROOT, "  %-16s %10.2fx   (target %s)%n", target[0], engine / other, target[1]);
      }
    }
    Double incremental = rates.get("incrementalOneAttribute");
    Double full = rates.get("fullReloadAndEvaluate");
    if (incremental != null && full != null && incremental > 0) {
      out.printf(Locale.ROOT, "  incremental re-evaluation costs %.2f of a full evaluation (target below 0.2)%n",
          full / incremental);
    }
  }
}
