package io.github.scrm.cli;

/** The exit codes every {@code scrm} command uses. */
public final class ExitCode {
  /** Everything was processed and nothing needs attention. */
  public static final int OK = 0;
  /** Everything was processed and something needs attention (for triage: an escalation). */
  public static final int FINDINGS = 1;
  /** A file, an option or at least one row could not be used; the messages on stderr say where. */
  public static final int BAD_INPUT = 2;

  private ExitCode() {}
}
