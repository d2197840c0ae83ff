package io.github.scrm.cli.rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrm rules}: the group of rule-set commands. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Check, test and compare rule sets (JSON documents, see docs/rule-language.md).",
    subcommands = {ValidateCommand.class, TestCommand.class, DiffCommand.class, SeedCommand.class})
public final class RulesCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a rules command is required (validate, test, diff, seed)");
  }
}
