package io.github.scrm.segmentation.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.AttributeMap;
import io.github.scrm.segmentation.rule.Conditions;
import io.github.scrm.segmentation.rule.Expression;
import io.github.scrm.segmentation.rule.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fixture profiles: {@code {"profiles": {"alice": {"orders.count": 12, "spend.total": "5200.00 CNY",
 * "purchase.last": "2024-05-20T10:00:00Z", "profile.birthday": "1990-06-20", "profile.tags": ["vip"]}}}}. Each value
 * is checked against the catalogue; every problem is reported with its JSON pointer. A profile name or attribute
 * written twice, and anything after the document, is {@code malformed-json} with its line and column.
 */
final class Fixtures {

  // as strict as the rule-set reader: a repeated profile or attribute and text after the document are malformed
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  record Read(Map<String, AttributeMap> profiles, List<Problem> problems) {}

  private Fixtures() {}

  static Read read(String json, AttributeCatalogue catalogue) {
    List<Problem> problems = new ArrayList<>();
    Map<String, AttributeMap> profiles = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      problems.add(new Problem("malformed-json", e.getOriginalMessage(), "", e.getLocation() == null ? 0
          : e.getLocation().getLineNr(), e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
      return new Read(profiles, problems);
    }
    JsonNode list = root == null ? null : root.get("profiles");
    if (list == null || !list.isObject()) {
      problems.add(Problem.at("missing-field", "/profiles", "fixtures need a 'profiles' object of name -> attributes"));
      return new Read(profiles, problems);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String at = "/profiles/" + escape(p.getKey());
      if (!p.getValue().isObject()) {
        problems.add(Problem.at("syntax", at, "a profile must be an object of attribute -> value"));
        continue;
      }
      AttributeMap.Builder b = AttributeMap.builder();
      for (Iterator<Map.Entry<String, JsonNode>> f = p.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> attr = f.next();
        String here = at + "/" + escape(attr.getKey());
        AttributeKey<?> key = catalogue.find(attr.getKey()).orElse(null);
        if (key == null) {
          problems.add(Problem.at("unknown-attribute", here, "unknown attribute '" + attr.getKey() + "'"
              + nearest(attr.getKey(), catalogue)));
          continue;
        }
        Object value = convert(key, attr.getValue());
        if (value == null) {
          problems.add(Problem.at("type-mismatch", here, "attribute '" + key.name() + "' holds " + key.type()
              + ", but the fixture value was " + attr.getValue()));
        } else {
          b.putChecked(key, value);
        }
      }
      profiles.put(p.getKey(), b.build());
    }
    return new Read(profiles, problems);
  }

  private static Object convert(AttributeKey<?> key, JsonNode v) {
    try {
      switch (key.type()) {
        case BOOLEAN:
          return v.isBoolean() ? v.booleanValue() : null;
        case LONG:
          // a whole JSON number within long range; a larger one must not wrap, and 12.0 is not a count
          return v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
        case DECIMAL:
          return v.isNumber() ? v.decimalValue() : null;
        case MONEY:
          if (v.isTextual()) {
            Expression e = Conditions.parse(v.textValue()).expression().orElse(null);
            return e instanceof Expression.MoneyLiteral m ? m.value() : null;
          }
          // toString, not toPlainString: 1e999999999 must not be written out digit by digit to be refused
          return v.isNumber() ? Money.parse(v.decimalValue().toString(), Money.CNY) : null;
        case STRING:
          return v.isTextual() ? v.textValue() : null;
        case STRING_SET:
          if (!v.isArray()) {
            return null;
          }
          ImmutableSet.Builder<String> s = ImmutableSet.builder();
          for (JsonNode x : v) {
            if (!x.isTextual()) {
              return null;
            }
            s.add(x.textValue());
          }
          return s.build();
        case INSTANT:
          return v.isTextual() ? Instant.parse(v.textValue()) : null;
        case DATE:
          return v.isTextual() ? LocalDate.parse(v.textValue()) : null;
        default:
          return null;
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }

  private static String nearest(String name, AttributeCatalogue catalogue) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (AttributeKey<?> k : catalogue.all()) {
      int d = k.name().endsWith("." + name) ? 1 : distance(name, k.name());
      if (d < bestD) {
        bestD = d;
        best = k.name();
      }
    }
    return best != null && bestD <= Math.max(2, name.length() / 3) ? " (did you mean '" + best + "'?)" : "";
  }

  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
            d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length()][b.length()];
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

}
