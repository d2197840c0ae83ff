package io.github.scrm.cli;

import io.github.scrm.cli.coupons.CouponsCommand;
import io.github.scrm.cli.demo.DemoCommand;
import io.github.scrm.cli.profile.IngestCommand;
import io.github.scrm.cli.report.ReportCommand;
import io.github.scrm.cli.rules.ExplainCommand;
import io.github.scrm.cli.rules.RulesCommand;
import io.github.scrm.cli.rules.TagCommand;
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
    description = {"Social CRM tools: ingest events into profiles, check, test and apply rule sets, preview coupon "
        + "campaigns, score, train and triage comments, and report.",
        "Inputs and outputs are CSV or JSON Lines by file extension; - is stdin or stdout."},
    subcommands = {DemoCommand.class, IngestCommand.class, RulesCommand.class, TagCommand.class, ExplainCommand.class,
        CouponsCommand.class, ScoreCommand.class, TrainCommand.class, TriageCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:findings (e.g. failed rule tests, a refused campaign, triage escalations)", "2:bad input (file, option or row)"})
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
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
