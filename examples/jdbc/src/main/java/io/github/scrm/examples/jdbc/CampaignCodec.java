package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.ImmutableCampaign;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.ImmutableCouponTemplate;
import io.github.scrm.coupons.template.Scope;
import io.github.scrm.coupons.template.ScopeRule;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.ThresholdBase;
import io.github.scrm.coupons.template.UsageWindow;
import io.github.scrm.coupons.template.Validity;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of a campaign definition, kept in one TEXT column because nothing queries inside it (stock and
 * budgets, which the store's conditional updates need, are real columns besides). The audience is behaviour, not
 * data: only its name is stored, and the host's resolver gives the audience back when the campaign is read.
 */
final class CampaignCodec {

  private final ObjectMapper json = ScrmJson.mapper();
  private final Function<String, Optional<Audience>> audiences;

  CampaignCodec(Function<String, Optional<Audience>> audiences) {
    this.audiences = audiences;
  }

  String write(Campaign c) {
    ObjectNode n = json.createObjectNode();
    n.put("id", c.id().value());
    n.set("template", template(c.template()));
    n.put("stock", c.stock());
    n.put("perCustomerLimit", c.perCustomerLimit());
    c.perDayLimit().ifPresent(d -> n.put("perDayLimit", d));
    n.put("claimFrom", c.claimFrom().toString());
    n.put("claimUntil", c.claimUntil().toString());
    c.end().ifPresent(e -> n.put("end", e.toString()));
    c.audience().ifPresent(a -> n.put("audience", a.name()));
    c.maxLiability().ifPresent(m -> n.set("maxLiability", money(m)));
    c.maxDiscountGranted().ifPresent(m -> n.set("maxDiscountGranted", money(m)));
    n.put("createdBy", c.createdBy());
    return n.toString();
  }

  Campaign read(String text) {
    JsonNode n;
    try {
      n = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ScrmException("stored campaign definition is not JSON: " + ScrmJson.describe(e), e);
    }
    ImmutableCampaign.Builder b = Campaign.builder()
        .id(CampaignId.of(n.get("id").asText()))
        .template(template(n.get("template")))
        .stock(n.get("stock").asLong())
        .perCustomerLimit(n.get("perCustomerLimit").asInt())
        .claimFrom(LocalDateTime.parse(n.get("claimFrom").asText()))
        .claimUntil(LocalDateTime.parse(n.get("claimUntil").asText()))
        .createdBy(n.get("createdBy").asText());
    if (n.has("perDayLimit")) {
      b.perDayLimit(n.get("perDayLimit").asInt());
    }
    if (n.has("end")) {
      b.end(LocalDateTime.parse(n.get("end").asText()));
    }
    if (n.has("maxLiability")) {
      b.maxLiability(money(n.get("maxLiability")));
    }
    if (n.has("maxDiscountGranted")) {
      b.maxDiscountGranted(money(n.get("maxDiscountGranted")));
    }
    if (n.has("audience")) {
      String name = n.get("audience").asText();
      b.audience(audiences.apply(name).orElseThrow(() -> new ScrmException("campaign '" + n.get("id").asText()
          + "' targets audience '" + name + "', which the audience resolver does not know: pass one to "
          + "JdbcCouponStore.create(database, resolver) that returns it")));
    }
    return b.build();
  }

  private ObjectNode template(CouponTemplate t) {
    ObjectNode n = json.createObjectNode();
    n.put("id", t.id());
    n.put("name", t.name());
    n.set("benefit", benefit(t.benefit()));
    ArrayNode rules = n.putArray("scope");
    for (ScopeRule r : t.scope().rules()) {
      ObjectNode rule = rules.addObject();
      rule.put("kind", r.kind());
      r.values().stream().sorted().forEach(rule.putArray("values")::add);
      rule.put("excluded", r.excluded());
    }
    n.put("thresholdBase", t.thresholdBase().name());
    n.set("validity", validity(t.validity()));
    t.usageWindow().ifPresent(w -> {
      ObjectNode u = n.putObject("usageWindow");
      w.days().stream().sorted().forEach(d -> u.withArray("days").add(d.name()));
      u.put("from", w.from().toString());
      u.put("until", w.until().toString());
    });
    ObjectNode s = n.putObject("stacking");
    s.put("group", t.stacking().group());
    s.put("level", t.stacking().level().name());
    s.put("exclusive", t.stacking().exclusive());
    n.put("transferable", t.transferable());
    n.put("currency", t.currency().getCurrencyCode());
    return n;
  }

  private CouponTemplate template(JsonNode n) {
    List<ScopeRule> rules = new ArrayList<>();
    for (JsonNode r : n.get("scope")) {
      Set<String> values = new HashSet<>();
      r.get("values").forEach(v -> values.add(v.asText()));
      rules.add(new ScopeRule(r.get("kind").asText(), values, r.get("excluded").asBoolean()));
    }
    JsonNode s = n.get("stacking");
    ImmutableCouponTemplate.Builder b = CouponTemplate.builder()
        .id(n.get("id").asText())
        .name(n.get("name").asText())
        .benefit(benefit(n.get("benefit")))
        .scope(new Scope(rules))
        .thresholdBase(ThresholdBase.valueOf(n.get("thresholdBase").asText()))
        .validity(validity(n.get("validity")))
        .stacking(new Stacking(s.get("group").asText(), Stacking.Level.valueOf(s.get("level").asText()),
            s.get("exclusive").asBoolean()))
        .transferable(n.get("transferable").asBoolean())
        .currency(Currency.getInstance(n.get("currency").asText()));
    if (n.has("usageWindow")) {
      JsonNode u = n.get("usageWindow");
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      u.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
      b.usageWindow(new UsageWindow(days, LocalTime.parse(u.get("from").asText()),
          LocalTime.parse(u.get("until").asText())));
    }
    return b.build();
  }

  private ObjectNode benefit(Benefit benefit) {
    ObjectNode n = json.createObjectNode();
    n.put("kind", benefit.getClass().getSimpleName());
    if (benefit instanceof Benefit.Threshold t) {
      n.set("threshold", money(t.threshold()));
      n.set("amount", money(t.amount()));
    } else if (benefit instanceof Benefit.Repeating r) {
      n.set("step", money(r.step()));
      n.set("amount", money(r.amount()));
      r.cap().ifPresent(c -> n.set("cap", money(c)));
    } else if (benefit instanceof Benefit.Tiered t) {
      ArrayNode tiers = n.putArray("tiers");
      for (Benefit.Tier tier : t.tiers()) {
        ObjectNode o = tiers.addObject();
        o.set("threshold", money(tier.threshold()));
        o.set("amount", money(tier.amount()));
      }
    } else if (benefit instanceof Benefit.Percentage p) {
      n.put("payRateBasisPoints", p.payRate().basisPoints());
      p.threshold().ifPresent(m -> n.set("threshold", money(m)));
      p.maxDiscount().ifPresent(m -> n.set("maxDiscount", money(m)));
    } else if (benefit instanceof Benefit.NoThreshold t) {
      n.set("amount", money(t.amount()));
    } else if (benefit instanceof Benefit.FreeShipping f) {
      f.threshold().ifPresent(m -> n.set("threshold", money(m)));
      f.maxDiscount().ifPresent(m -> n.set("maxDiscount", money(m)));
    }
    return n;
  }

  private Benefit benefit(JsonNode n) {
    String kind = n.get("kind").asText();
    return switch (kind) {
      case "Threshold" -> new Benefit.Threshold(money(n.get("threshold")), money(n.get("amount")));
      case "Repeating" -> new Benefit.Repeating(money(n.get("step")), money(n.get("amount")), optionalMoney(n, "cap"));
      case "Tiered" -> {
        List<Benefit.Tier> tiers = new ArrayList<>();
        n.get("tiers").forEach(t -> tiers.add(new Benefit.Tier(money(t.get("threshold")), money(t.get("amount")))));
        yield new Benefit.Tiered(tiers);
      }
      case "Percentage" -> new Benefit.Percentage(Percent.ofBasisPoints(n.get("payRateBasisPoints").asInt()),
          optionalMoney(n, "threshold"), optionalMoney(n, "maxDiscount"));
      case "NoThreshold" -> new Benefit.NoThreshold(money(n.get("amount")));
      case "FreeShipping" -> new Benefit.FreeShipping(optionalMoney(n, "threshold"), optionalMoney(n, "maxDiscount"));
      default -> throw new ScrmException("stored benefit kind must be one of Threshold, Repeating, Tiered, "
          + "Percentage, NoThreshold, FreeShipping, but was '" + kind + "'");
    };
  }

  private ObjectNode validity(Validity validity) {
    ObjectNode n = json.createObjectNode();
    n.put("kind", validity.getClass().getSimpleName());
    if (validity instanceof Validity.Fixed f) {
      n.put("start", f.start().toString());
      n.put("end", f.end().toString());
    } else if (validity instanceof Validity.HoursAfterIssue h) {
      n.put("hours", h.hours());
    } else if (validity instanceof Validity.DaysAfterIssue d) {
      n.put("days", d.days());
    }
    return n;
  }

  private Validity validity(JsonNode n) {
    String kind = n.get("kind").asText();
    return switch (kind) {
      case "Fixed" -> new Validity.Fixed(LocalDateTime.parse(n.get("start").asText()),
          LocalDateTime.parse(n.get("end").asText()));
      case "HoursAfterIssue" -> new Validity.HoursAfterIssue(n.get("hours").asInt());
      case "DaysAfterIssue" -> new Validity.DaysAfterIssue(n.get("days").asInt());
      default -> throw new ScrmException("stored validity kind must be one of Fixed, HoursAfterIssue, "
          + "DaysAfterIssue, but was '" + kind + "'");
    };
  }

  private ObjectNode money(Money m) {
    ObjectNode n = json.createObjectNode();
    n.put("minorUnits", m.minorUnits());
    n.put("currency", m.currency().getCurrencyCode());
    return n;
  }

  private static Money money(JsonNode n) {
    return Money.of(n.get("minorUnits").asLong(), Currency.getInstance(n.get("currency").asText()));
  }

  private static Optional<Money> optionalMoney(JsonNode n, String field) {
    return n.has(field) ? Optional.of(money(n.get(field))) : Optional.empty();
  }
}
