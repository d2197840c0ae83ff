package io.github.scrm.examples.quickstart;

/** The end-to-end story on the in-memory defaults. */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the story and prints it. */
  public static void main(String[] args) {
    System.out.println("SCRM quickstart");
  }
}
