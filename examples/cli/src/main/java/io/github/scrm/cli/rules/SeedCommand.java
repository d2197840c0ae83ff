package io.github.scrm.cli.rules;

import io.github.scrm.cli.ExitCode;
import io.github.scrm.segmentation.ShippedRuleSets;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrm rules seed}: prints the retail seed rule set shipped with scrm-segmentation, to start from. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = {"Prints the retail seed rule set shipped with scrm-segmentation (the tags of docs/segmentation.md) "
        + "to stdout, as a starting point: scrm rules seed > retail.json", "Exit 0."})
final class SeedCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(ShippedRuleSets.retailSeed());
    out.flush();
    return ExitCode.OK;
  }
}
