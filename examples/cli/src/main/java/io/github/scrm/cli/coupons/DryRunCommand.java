package io.github.scrm.cli.coupons;

import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Utf8;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CreateResult;
import io.github.scrm.coupons.campaign.ImmutableCampaign;
import io.github.scrm.coupons.guardrail.DryRun;
import io.github.scrm.coupons.guardrail.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scrm coupons dry-run}: the guardrail preview of a campaign; nothing is issued. The description lines are
 * picocli format strings, so a percent sign in them is written {@code %%}.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
    description = {"Previews a coupon campaign behind the default guardrails of scrm-coupons: how many coupons, the "
        + "face value, the worst-case liability, the share of no-threshold value, and every guardrail it breaks. "
        + "Nothing is issued.",
        "Default guardrails: face value <= 200.00 CNY; value <= 80%% of the threshold; no-threshold value <= 20.00 "
            + "CNY; validity <= 90 days; quantity <= 100,000; worst-case liability <= 500,000.00 CNY; uncapped "
            + "percentage coupons refused.",
        CampaignFile.HELP,
        "--audience-size N adds the bulk-issue preview: min(N, stock) coupons and their liability.",
        "Exit 0 when the campaign may start, 1 when the guardrails refuse it or it needs a second operator's "
            + "approval (each violation is listed), 2 when the file is malformed (file:line: field '/...': ...)."})
final class DryRunCommand implements Callable<Integer> {

  @Option(names = "--campaign", required = true, paramLabel = "FILE", description = "the campaign (.json); - for stdin")
  String campaign;

  @Option(names = "--audience-size", paramLabel = "N", description = "the size of the audience of a bulk issue")
  @Nullable Long audienceSize;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "business time zone of the campaign's date-times (default: ${DEFAULT-VALUE})")
  ZoneId zone;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Problems problems = new Problems(spec.commandLine().getErr());
    if (audienceSize != null && audienceSize < 0) {
      problems.fatal("--audience-size must not be negative, but was " + audienceSize);
      return ExitCode.BAD_INPUT;
    }
    String json;
    try {
      json = Utf8.text(campaign, System.in);
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Campaign c = CampaignFile.read(campaign.equals("-") ? "stdin" : campaign, json, problems);
    if (c == null) {
      return ExitCode.BAD_INPUT;
    }
    Coupons coupons = Coupons.builder().time(new BusinessTime(Clock.systemUTC(), zone)).idSource(IdSource.secure())
        .build();
    DryRun dry = coupons.campaigns().dryRun(c);
    PrintWriter out = spec.commandLine().getOut();
    String verdict = dry.refused() ? "REFUSED" : dry.allowed() ? "ALLOWED" : "NEEDS APPROVAL";
    out.println("campaign " + c.id().value() + " (" + c.template().name() + "): " + verdict);
    print(out, dry);
    if (audienceSize != null) {
      bulk(coupons, c, dry, out);
    }
    if (!dry.violations().isEmpty()) {
      out.println("violations:");
      for (Violation v : dry.violations()) {
        out.println("  " + (v.severity() == Violation.Severity.REFUSED ? "refused" : "needs approval") + " "
            + v.rule() + ": " + v.message());
      }
    }
    out.flush();
    return dry.allowed() ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private void bulk(Coupons coupons, Campaign c, DryRun dry, PrintWriter out) {
    if (dry.refused()) {
      out.println("bulk issue to " + count(audienceSize) + " customers: not previewed, the campaign is refused");
      return;
    }
    long size = audienceSize;
    Audience audience = new Audience() {
      @Override
      public String name() {
        return "preview of " + size;
      }

      @Override
      public boolean contains(CustomerId customer) {
        return true;
      }

      @Override
      public Stream<CustomerId> members() {
        return LongStream.range(0, size).mapToObj(i -> CustomerId.of("preview-" + i));
      }
    };
    Campaign targeted = ImmutableCampaign.copyOf(c).withAudience(audience);
    CreateResult created = coupons.campaigns().create(targeted);
    if (created instanceof CreateResult.Refused r) {
      out.println("bulk issue to " + count(size) + " customers: not previewed: " + r.message());
      return;
    }
    DryRun bulk = coupons.campaigns().dryRunBulk(c.id());
    out.println("bulk issue to " + count(size) + " customers:");
    out.println("  coupons:              " + count(bulk.count()));
    out.println("  worst-case liability: " + money(bulk.worstCaseLiability()));
  }

  private static void print(PrintWriter out, DryRun dry) {
    out.println("  coupons:              " + count(dry.count()));
    out.println("  face value:           " + money(dry.faceValue()));
    out.println("  worst-case liability: " + money(dry.worstCaseLiability()));
    out.println("  no-threshold share:   " + dry.noThresholdShare());
    out.println("  redemption history:   " + dry.historicalRedemptionRate().map(Object::toString)
        .orElse("none (no earlier campaign of this kind)"));
  }

  private static String money(Optional<Money> m) {
    return m.map(Money::toString).orElse("unbounded");
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
