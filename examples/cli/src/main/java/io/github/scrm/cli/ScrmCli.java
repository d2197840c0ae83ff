package io.github.scrm.cli;

import io.github.scrm.cli.sentiment.ScoreCommand;
import io.github.scrm.cli.sentiment.TrainCommand;
import io.github.scrm.cli.sentiment.TriageCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scrm} command. Subcommands live in their feature's package and are listed here; each returns an
 * {@link ExitCode}.
 */
@Command(
    name = "scrm",
    mixinStandardHelpOptions = true,
    version = "scrm 0.1.0-SNAPSHOT",
    description = "Social CRM tools: score, train and triage comments.",
    subcommands = {ScoreCommand.class, TrainCommand.class, TriageCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:findings (e.g. triage raised escalations)", "2:bad input (file, option or row)"})
public final class ScrmCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new ScrmCli());
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    cli.setExitCodeExceptionMapper(e -> ExitCode.BAD_INPUT);
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("scrm: " + e.getMessage());
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return ExitCode.BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("scrm " + commandLine.getCommandName() + ": "
          + (e.getMessage() != null ? e.getMessage() : e.toString()));
      if (System.getenv("SCRM_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      return ExitCode.BAD_INPUT;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (score, train, triage)");
  }
}
