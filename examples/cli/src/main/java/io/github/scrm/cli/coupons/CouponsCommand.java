package io.github.scrm.cli.coupons;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrm coupons}: the group of coupon commands. */
@Command(name = "coupons", mixinStandardHelpOptions = true, description = "Coupon campaigns.",
    subcommands = {DryRunCommand.class})
public final class CouponsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a coupons command is required (dry-run)");
  }
}
