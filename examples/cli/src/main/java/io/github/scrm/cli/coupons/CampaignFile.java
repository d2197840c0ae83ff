package io.github.scrm.cli.coupons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.scrm.cli.io.JsonLocations;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.ImmutableCampaign;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.ImmutableCouponTemplate;
import io.github.scrm.coupons.template.Validity;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The campaign file of {@code scrm coupons dry-run}: a JSON object. Amounts are major units as text ({@code "50.00"})
 * in the template's currency; date-times are local to the business zone.
 *
 * <pre>
 * {"id": "season-end", "createdBy": "op-alice", "stock": 5000, "perCustomerLimit": 1,
 *  "claimFrom": "2026-08-20T00:00", "claimUntil": "2026-09-01T00:00", "maxLiability": "200000.00",
 *  "template": {"id": "mj-300-50", "name": "满300减50", "currency": "CNY",
 *               "benefit": {"kind": "threshold", "threshold": "300.00", "amount": "50.00"},
 *               "validity": {"daysAfterIssue": 7}}}
 * </pre>
 *
 * Benefit kinds: {@code threshold} (threshold, amount), {@code noThreshold} (amount), {@code percentage} (payRate
 * such as "85%", optional threshold, maxDiscount), {@code repeating} (step, amount, optional cap), {@code tiered}
 * (tiers: [{threshold, amount}]), {@code freeShipping} (optional threshold, maxDiscount). Validity:
 * {@code {"daysAfterIssue": N}}, {@code {"hoursAfterIssue": N}} or {@code {"from": "...T...", "until": "...T..."}}.
 * Any other field, a field given twice and two kinds of validity are problems, never silently left out.
 */
final class CampaignFile {

  /** For picocli's description, which is a format string: a percent sign is written {@code %%}. */
  static final String HELP = "Campaign file (JSON): {\"id\": \"season-end\", \"createdBy\": \"op-alice\", "
      + "\"stock\": 5000, \"perCustomerLimit\": 1, \"claimFrom\": \"2026-08-20T00:00\", \"claimUntil\": "
      + "\"2026-09-01T00:00\", \"maxLiability\": \"200000.00\" (optional), \"template\": {\"id\": \"mj-300-50\", "
      + "\"name\": \"满300减50\", \"currency\": \"CNY\", \"benefit\": {\"kind\": \"threshold\", \"threshold\": "
      + "\"300.00\", \"amount\": \"50.00\"}, \"validity\": {\"daysAfterIssue\": 7}}}. Amounts are major units as "
      + "text in the template currency; date-times are local to the business zone. Benefit kinds: threshold "
      + "(threshold, amount), noThreshold (amount), percentage (payRate such as \"85%%\", threshold, maxDiscount), "
      + "repeating (step, amount, cap), tiered (tiers: [{threshold, amount}]), freeShipping (threshold, "
      + "maxDiscount). Validity: {\"daysAfterIssue\": N}, {\"hoursAfterIssue\": N} or {\"from\": "
      + "\"2026-09-01T00:00\", \"until\": \"2026-09-08T00:00\"}. Other fields, a field given twice and two kinds of "
      + "validity are refused.";

  /** A field given twice is an error: the preview would show one value and the operator may have meant the other. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final List<String> CAMPAIGN_FIELDS = List.of("id", "createdBy", "stock", "perCustomerLimit",
      "perDayLimit", "claimFrom", "claimUntil", "maxLiability", "maxDiscountGranted", "template");
  private static final List<String> TEMPLATE_FIELDS = List.of("id", "name", "currency", "benefit", "validity");
  private static final Map<String, List<String>> BENEFIT_FIELDS = Map.of(
      "threshold", List.of("kind", "threshold", "amount"),
      "noThreshold", List.of("kind", "amount"),
      "percentage", List.of("kind", "payRate", "threshold", "maxDiscount"),
      "repeating", List.of("kind", "step", "amount", "cap"),
      "tiered", List.of("kind", "tiers"),
      "freeShipping", List.of("kind", "threshold", "maxDiscount"));
  private static final List<String> TIER_FIELDS = List.of("threshold", "amount");
  private static final List<String> VALIDITY_FIELDS = List.of("daysAfterIssue", "hoursAfterIssue", "from", "until");

  private final String source;
  private final JsonLocations where;
  private final Problems problems;
  private final List<String> seen = new ArrayList<>();
  private Currency currency = Money.CNY;

  private CampaignFile(String source, String json, Problems problems) {
    this.source = source;
    this.where = JsonLocations.of(json);
    this.problems = problems;
  }

  /** The campaign, or null after reporting every problem as file:line: field '/template/benefit/amount': ... */
  static @Nullable Campaign read(String source, String json, Problems problems) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      problems.at(source, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
          "not valid JSON: " + e.getOriginalMessage());
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.at(source, 1, "a campaign must be a JSON object");
      return null;
    }
    return new CampaignFile(source, json, problems).campaign(root);
  }

  private @Nullable Campaign campaign(JsonNode root) {
    long before = problems.count();
    onlyKnown(root, "", "is not a campaign field", CAMPAIGN_FIELDS);
    JsonNode t = root.path("template");
    onlyKnown(t, "/template", "is not a template field", TEMPLATE_FIELDS);
    if (t.has("currency")) {
      try {
        currency = Currency.getInstance(t.get("currency").asText());
      } catch (IllegalArgumentException e) {
        bad("/template/currency", "must be an ISO 4217 code such as CNY, but was " + t.get("currency"));
      }
    }
    ImmutableCouponTemplate.Builder tb = CouponTemplate.builder().id(text(t, "/template/id"))
        .name(text(t, "/template/name")).currency(currency);
    Benefit benefit = benefit(t.path("benefit"));
    Validity validity = validity(t.path("validity"));
    ImmutableCampaign.Builder cb = Campaign.builder().id(CampaignId.of(nonBlank(text(root, "/id"), "/id")))
        .createdBy(text(root, "/createdBy")).stock(whole(root, "/stock", true))
        .claimFrom(dateTime(root, "/claimFrom")).claimUntil(dateTime(root, "/claimUntil"));
    if (root.has("perCustomerLimit")) {
      cb.perCustomerLimit((int) whole(root, "/perCustomerLimit", true));
    }
    if (root.has("perDayLimit")) {
      cb.perDayLimit((int) whole(root, "/perDayLimit", true));
    }
    money(root, "/maxLiability", false).ifPresent(cb::maxLiability);
    money(root, "/maxDiscountGranted", false).ifPresent(cb::maxDiscountGranted);
    if (problems.count() > before || benefit == null || validity == null) {
      return null;
    }
    CouponTemplate template;
    try {
      template = tb.benefit(benefit).validity(validity).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      bad("/template", e.getMessage());
      return null;
    }
    try {
      return cb.template(template).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      bad("", e.getMessage());
      return null;
    }
  }

  private @Nullable Benefit benefit(JsonNode b) {
    String at = "/template/benefit";
    String kind = text(b, at + "/kind");
    if (BENEFIT_FIELDS.containsKey(kind)) {
      onlyKnown(b, at, "is not a field of a " + kind + " benefit", BENEFIT_FIELDS.get(kind));
    }
    switch (kind) {
      case "threshold":
        return new Benefit.Threshold(need(b, at, "threshold"), need(b, at, "amount"));
      case "noThreshold":
        return new Benefit.NoThreshold(need(b, at, "amount"));
      case "percentage":
        Percent rate = Percent.ZERO;
        try {
          rate = Percent.parse(text(b, at + "/payRate"));
        } catch (IllegalArgumentException e) {
          bad(at + "/payRate", e.getMessage());
        }
        return new Benefit.Percentage(rate, money(b, at + "/threshold", false), money(b, at + "/maxDiscount", false));
      case "repeating":
        return new Benefit.Repeating(need(b, at, "step"), need(b, at, "amount"), money(b, at + "/cap", false));
      case "tiered":
        List<Benefit.Tier> tiers = new ArrayList<>();
        JsonNode list = b.path("tiers");
        if (!list.isArray() || list.isEmpty()) {
          bad(at + "/tiers", "must be a non-empty array of {\"threshold\": \"300.00\", \"amount\": \"30.00\"}");
        }
        for (int i = 0; i < list.size(); i++) {
          onlyKnown(list.get(i), at + "/tiers/" + i, "is not a field of a tier", TIER_FIELDS);
          tiers.add(new Benefit.Tier(need(list.get(i), at + "/tiers/" + i, "threshold"),
              need(list.get(i), at + "/tiers/" + i, "amount")));
        }
        return new Benefit.Tiered(tiers);
      case "freeShipping":
        return new Benefit.FreeShipping(money(b, at + "/threshold", false), money(b, at + "/maxDiscount", false));
      case "":
        return null;
      default:
        bad(at + "/kind", "must be one of threshold, noThreshold, percentage, repeating, tiered, freeShipping, "
            + "but was '" + kind + "'");
        return null;
    }
  }

  private @Nullable Validity validity(JsonNode v) {
    String at = "/template/validity";
    onlyKnown(v, at, "is not a validity field", VALIDITY_FIELDS);
    List<String> given = VALIDITY_FIELDS.stream().filter(v::has).toList();
    long forms = given.stream().map(f -> f.equals("until") ? "from" : f).distinct().count();
    if (forms > 1) {
      bad(at, "give one of {\"daysAfterIssue\": N}, {\"hoursAfterIssue\": N} or {\"from\": ..., \"until\": ...}, "
          + "but it has " + String.join(", ", given));
      return null;
    }
    if (v.has("daysAfterIssue")) {
      return new Validity.DaysAfterIssue((int) whole(v, at + "/daysAfterIssue", true));
    }
    if (v.has("hoursAfterIssue")) {
      return new Validity.HoursAfterIssue((int) whole(v, at + "/hoursAfterIssue", true));
    }
    if (v.has("from") || v.has("until")) {
      LocalDateTime from = dateTime(v, at + "/from");
      LocalDateTime until = dateTime(v, at + "/until");
      try {
        return new Validity.Fixed(from, until);
      } catch (IllegalArgumentException e) {
        bad(at, e.getMessage());
        return null;
      }
    }
    bad(at, "is missing: give {\"daysAfterIssue\": 7}, {\"hoursAfterIssue\": 4} or {\"from\": ..., \"until\": ...}");
    return null;
  }

  /**
   * Reports every field of {@code object} not in {@code fields}: the file is read by name, so a misspelt field
   * ({@code "maxLiabilty"}) would otherwise vanish from the preview without a word.
   */
  private void onlyKnown(JsonNode object, String at, String problem, List<String> fields) {
    if (!object.isObject()) {
      return;
    }
    object.fieldNames().forEachRemaining(name -> {
      if (!fields.contains(name)) {
        bad(at + "/" + name, problem + "; the fields are " + String.join(", ", fields));
      }
    });
  }

  private Money need(JsonNode node, String at, String field) {
    return money(node, at + "/" + field, true).orElse(Money.zero(currency));
  }

  private Optional<Money> money(JsonNode parent, String pointer, boolean required) {
    JsonNode v = parent.get(last(pointer));
    if (v == null || v.isNull()) {
      if (required) {
        bad(pointer, "is missing (an amount such as \"50.00\")");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(Money.parse(v.asText().replace("¥", "").trim(), currency));
    } catch (IllegalArgumentException | ArithmeticException e) {
      bad(pointer, "must be an amount in major units such as \"50.00\", but was " + v);
      return Optional.empty();
    }
  }

  private long whole(JsonNode parent, String pointer, boolean positive) {
    JsonNode v = parent.get(last(pointer));
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || (positive && v.longValue() <= 0)) {
      bad(pointer, "must be a " + (positive ? "positive " : "") + "whole number, but was " + (v == null ? "missing"
          : v.toString()));
      return 1;
    }
    return v.longValue();
  }

  private LocalDateTime dateTime(JsonNode parent, String pointer) {
    String text = text(parent, pointer);
    if (text.isEmpty()) {
      return LocalDateTime.of(2000, 1, 1, 0, 0);
    }
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      bad(pointer, "must be a local date-time such as 2026-08-20T00:00, but was '" + text + "'");
      return LocalDateTime.of(2000, 1, 1, 0, 0);
    }
  }

  private String text(JsonNode parent, String pointer) {
    JsonNode v = parent.get(last(pointer));
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      bad(pointer, v == null ? "is missing" : "must be non-blank text, but was " + v);
      return "";
    }
    return v.textValue();
  }

  private String nonBlank(String value, String pointer) {
    return value.isEmpty() ? "missing" : value;
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private void bad(String pointer, String message) {
    if (seen.contains(pointer)) {
      return;
    }
    seen.add(pointer);
    problems.at(source, where.line(pointer), (pointer.isEmpty() ? "" : "field '" + pointer + "': ") + message);
  }
}
