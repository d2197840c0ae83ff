package io.github.scrm.cli.demo;

import io.github.scrm.cli.ExitCode;
import io.github.scrm.examples.quickstart.Quickstart;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code scrm demo}: runs the quickstart story and prints it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the end-to-end story of examples/quickstart on generated data and prints it: a small "
        + "clothing brand's customers, identities, profiles and tags, an audience, coupons with a dry run, a "
        + "referral campaign, key opinion customers and the comments to answer first.",
        "Exit 0 when the story ran."})
public final class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    Quickstart.main(new String[0]);
    System.out.flush();
    return ExitCode.OK;
  }
}
