package io.github.scrm.cli.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.cli.io.Problems;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.Validity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CampaignFileTest {

  private final StringWriter err = new StringWriter();
  private final Problems problems = new Problems(new PrintWriter(err));

  private Campaign read(String benefit, String validity) {
    return CampaignFile.read("c.json", "{\"id\": \"c1\", \"createdBy\": \"op\", \"stock\": 10,\n"
        + "\"claimFrom\": \"2026-08-20T00:00\", \"claimUntil\": \"2026-09-01T00:00\", \"maxLiability\": \"400.00\",\n"
        + "\"template\": {\"id\": \"t\", \"name\": \"n\", \"benefit\": " + benefit + ",\n"
        + "\"validity\": " + validity + "}}", problems);
  }

  @Test
  void read_everyBenefitKindAndValidity() {
    Campaign repeating = read("{\"kind\": \"repeating\", \"step\": \"100.00\", \"amount\": \"10.00\", "
        + "\"cap\": \"50.00\"}", "{\"hoursAfterIssue\": 4}");
    assertThat(repeating.template().benefit()).isEqualTo(new Benefit.Repeating(Money.fen(100_00), Money.fen(10_00),
        Optional.of(Money.fen(50_00))));
    assertThat(repeating.template().validity()).isEqualTo(new Validity.HoursAfterIssue(4));
    assertThat(repeating.maxLiability()).contains(Money.fen(400_00));
    Campaign tiered = read("{\"kind\": \"tiered\", \"tiers\": [{\"threshold\": \"300\", \"amount\": \"30\"}, "
        + "{\"threshold\": \"500\", \"amount\": \"60\"}]}",
        "{\"from\": \"2026-09-01T00:00\", \"until\": \"2026-09-08T00:00\"}");
    assertThat(tiered.template().benefit()).isEqualTo(new Benefit.Tiered(java.util.List.of(
        Benefit.Tier.of(300_00, 30_00), Benefit.Tier.of(500_00, 60_00))));
    assertThat(tiered.template().validity()).isEqualTo(new Validity.Fixed(LocalDateTime.parse("2026-09-01T00:00"),
        LocalDateTime.parse("2026-09-08T00:00")));
    Campaign pct = read("{\"kind\": \"percentage\", \"payRate\": \"85%\", \"maxDiscount\": \"30.00\"}",
        "{\"daysAfterIssue\": 7}");
    assertThat(pct.template().benefit()).isEqualTo(new Benefit.Percentage(Percent.of(85), Optional.empty(),
        Optional.of(Money.fen(30_00))));
    Campaign shipping = read("{\"kind\": \"freeShipping\"}", "{\"daysAfterIssue\": 7}");
    assertThat(shipping.template().benefit()).isEqualTo(new Benefit.FreeShipping(Optional.empty(), Optional.empty()));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void read_unknownKindAndMissingValidity_areReportedWithLineAndField() {
    assertThat(read("{\"kind\": \"gift\"}", "{}")).isNull();
    assertThat(err.toString())
        .contains("c.json:3: field '/template/benefit/kind': must be one of threshold, noThreshold, percentage, "
            + "repeating, tiered, freeShipping, but was 'gift'")
        .contains("c.json:4: field '/template/validity': is missing");
  }

  @Test
  void read_valuesTheTemplateRefuses_areReportedWithTheTemplatesMessage() {
    assertThat(read("{\"kind\": \"threshold\", \"threshold\": \"50.00\", \"amount\": \"80.00\"}",
        "{\"daysAfterIssue\": 7}")).isNull();
    assertThat(err.toString()).contains("c.json:3: field '/template': ")
        .contains("amount must be below the threshold");
  }

  @Test
  void read_misspelledFields_areReportedInsteadOfIgnored() {
    // "maxLiabilty" would preview the campaign without its own liability cap, "maxDiscont" the coupon uncapped
    Campaign campaign = CampaignFile.read("c.json", "{\"id\": \"c1\", \"createdBy\": \"op\", \"stock\": 10,\n"
        + "\"claimFrom\": \"2026-08-20T00:00\", \"claimUntil\": \"2026-09-01T00:00\", \"maxLiabilty\": \"400.00\",\n"
        + "\"template\": {\"id\": \"t\", \"name\": \"n\", \"benefit\": {\"kind\": \"percentage\", \"payRate\": \"85%\",\n"
        + "\"maxDiscont\": \"30.00\"}, \"validity\": {\"daysAfterIssue\": 7}}}", problems);
    assertThat(campaign).isNull();
    assertThat(err.toString())
        .contains("c.json:2: field '/maxLiabilty': is not a campaign field; the fields are id, createdBy, stock, "
            + "perCustomerLimit, perDayLimit, claimFrom, claimUntil, maxLiability, maxDiscountGranted, template")
        .contains("c.json:4: field '/template/benefit/maxDiscont': is not a field of a percentage benefit; the "
            + "fields are kind, payRate, threshold, maxDiscount");
  }

  @Test
  void read_twoValidities_isReportedInsteadOfTakingTheFirst() {
    assertThat(read("{\"kind\": \"threshold\", \"threshold\": \"300.00\", \"amount\": \"50.00\"}",
        "{\"daysAfterIssue\": 7, \"hoursAfterIssue\": 4}")).isNull();
    assertThat(err.toString()).contains("c.json:4: field '/template/validity': give one of {\"daysAfterIssue\": N}, "
        + "{\"hoursAfterIssue\": N} or {\"from\": ..., \"until\": ...}, but it has daysAfterIssue, hoursAfterIssue");
  }

  @Test
  void read_fieldGivenTwice_isReportedInsteadOfTakingTheLast() {
    Campaign campaign = CampaignFile.read("c.json", "{\"id\": \"c1\", \"createdBy\": \"op\", \"stock\": 10,\n"
        + "\"claimFrom\": \"2026-08-20T00:00\", \"claimUntil\": \"2026-09-01T00:00\",\n"
        + "\"template\": {\"id\": \"t\", \"name\": \"n\", \"benefit\": {\"kind\": \"threshold\", \"threshold\": \"300.00\",\n"
        + "\"amount\": \"50.00\"}, \"validity\": {\"daysAfterIssue\": 7}},\n\"stock\": 999999}", problems);
    assertThat(campaign).isNull();
    assertThat(err.toString()).contains("c.json:5: not valid JSON: Duplicate field 'stock'");
  }
}
