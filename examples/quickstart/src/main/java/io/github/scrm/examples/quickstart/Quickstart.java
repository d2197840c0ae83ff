package io.github.scrm.examples.quickstart;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The end-to-end story on the in-memory defaults: a season at a clothing brand on generated data. Run it with
 * {@code mvn -B -q -pl examples/quickstart -am package exec:java -DskipTests}.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the story and prints it to standard output. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Story.run(out);
    out.flush();
  }
}
