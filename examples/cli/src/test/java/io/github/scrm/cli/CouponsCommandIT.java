package io.github.scrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scrm coupons dry-run run as a process: allowed, needs approval, refused, malformed. */
final class CouponsCommandIT {

  @TempDir
  Path dir;

  private Path campaign(String name, String benefit, long stock) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n",
        "{\"id\": \"season-end\", \"createdBy\": \"op-alice\", \"stock\": " + stock + ", \"perCustomerLimit\": 1,",
        " \"claimFrom\": \"2026-08-20T00:00\", \"claimUntil\": \"2026-09-01T00:00\",",
        " \"template\": {\"id\": \"t1\", \"name\": \"满300减50\", \"currency\": \"CNY\",",
        "              \"benefit\": " + benefit + ",",
        "              \"validity\": {\"daysAfterIssue\": 7}}}", ""), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void dryRun_withinGuardrails_isAllowedWithFiguresAndBulkPreview() throws Exception {
    Path c = campaign("ok.json", "{\"kind\": \"threshold\", \"threshold\": \"300.00\", \"amount\": \"50.00\"}", 5000);
    ScrmProcess.Result r = ScrmProcess.run("", "coupons", "dry-run", "--campaign", c.toString(), "--audience-size",
        "1200");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("campaign season-end (满300减50): ALLOWED")
        .contains("coupons:              5,000").contains("face value:           50.00 CNY")
        .contains("worst-case liability: 250000.00 CNY").contains("bulk issue to 1,200 customers:")
        .contains("worst-case liability: 60000.00 CNY").doesNotContain("violations");
  }

  @Test
  void dryRun_operatorSlipFlood_needsApprovalWithEveryViolation() throws Exception {
    Path c = campaign("flood.json", "{\"kind\": \"noThreshold\", \"amount\": \"500.00\"}", 200_000);
    ScrmProcess.Result r = ScrmProcess.run("", "coupons", "dry-run", "--campaign", c.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("NEEDS APPROVAL")
        .contains("needs approval maxFaceValue: face value must be at most 200.00 CNY, but was 500.00 CNY")
        .contains("maxNoThresholdValue").contains("maxQuantity").contains("maxLiability");
  }

  @Test
  void dryRun_uncappedPercentage_isRefused() throws Exception {
    Path c = campaign("pct.json", "{\"kind\": \"percentage\", \"payRate\": \"85%\"}", 100);
    ScrmProcess.Result r = ScrmProcess.run("", "coupons", "dry-run", "--campaign", c.toString(), "--audience-size",
        "10");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("REFUSED").contains("worst-case liability: unbounded")
        .contains("refused uncappedPercentage: a percentage coupon must have a maximum discount")
        .contains("not previewed, the campaign is refused");
  }

  @Test
  void dryRun_malformedCampaign_namesFileLineAndField() throws Exception {
    Path c = campaign("bad.json", "{\"kind\": \"threshold\", \"threshold\": \"lots\", \"amount\": \"50.00\"}", -3);
    ScrmProcess.Result r = ScrmProcess.run("", "coupons", "dry-run", "--campaign", c.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(c + ":4: field '/template/benefit/threshold': must be an amount in major units "
        + "such as \"50.00\", but was \"lots\"").contains(c + ":1: field '/stock': must be a positive whole number, "
        + "but was -3");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"id\": \"x\",\n \"stock\": }", StandardCharsets.UTF_8);
    ScrmProcess.Result malformed = ScrmProcess.run("", "coupons", "dry-run", "--campaign", broken.toString());
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains(broken + ":2: not valid JSON");
    ScrmProcess.Result help = ScrmProcess.run("", "coupons", "dry-run", "--help");
    assertThat(help.out()).contains("daysAfterIssue", "noThreshold", "--audience-size");
  }

  @Test
  void dryRun_help_printsItsPercentagesWithoutFormatWarnings() throws Exception {
    ScrmProcess.Result help = ScrmProcess.run("", "coupons", "dry-run", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out().replaceAll("\\s+", " ")).contains("value <= 80% of the threshold")
        .contains("payRate such as \"85%\"");
  }
}
