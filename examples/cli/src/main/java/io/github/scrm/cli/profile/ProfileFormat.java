package io.github.scrm.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Row;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeText;
import io.github.scrm.core.attribute.AttributeType;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.AttributeMap;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The profile line format. One JSON object per line (or one CSV row):
 *
 * <pre>
 * {"customerId": "c-42", "attributes": {"orders.count": 12, "spend.total.365d": "5200.00 CNY",
 *   "purchase.last": "2026-05-20T10:00:00Z", "profile.birthday": "1990-06-20", "profile.tags": ["vip"]}}
 * </pre>
 *
 * The other fields of a profile document as scrm-core exports it ({@code identifiers}, {@code city}, ...) may be
 * present and are ignored; {@code scrm ingest} writes exactly that document plus {@code attributes}. Without an
 * {@code attributes} object, every field other than {@code customerId}/{@code customer_id}/{@code id} is read as an
 * attribute (the shape of the rule-set test kit's fixture profiles, and of CSV columns).
 */
public final class ProfileFormat {

  /** The format, for {@code --help}. */
  public static final String HELP = "Profiles: one JSON object per line (or a CSV row) with customerId (or id) and "
      + "an attributes object of catalogue attribute -> value, e.g. {\"customerId\":\"c-42\",\"attributes\":"
      + "{\"orders.count\":12,\"spend.total.365d\":\"5200.00 CNY\",\"purchase.last\":\"2026-05-20T10:00:00Z\","
      + "\"profile.tags\":[\"vip\"]}}. Values: numbers, true/false, money as \"300.00 CNY\", sets as arrays (or "
      + "comma-separated), instants ISO-8601, dates yyyy-MM-dd. 'scrm ingest' writes this format (the profile "
      + "document of scrm-core plus attributes). Without an attributes object, every other field is an attribute.";

  private static final Set<String> ID_FIELDS = Set.of("customerId", "customer_id", "id");

  /** One profile read from a line. */
  public record Profile(CustomerId id, AttributeMap values, Row row) {}

  private ProfileFormat() {}

  /** The profile of {@code row}, or null when a field is bad (reported to {@code problems}). */
  public static @Nullable Profile read(Row row, AttributeCatalogue catalogue, Problems problems) {
    String idField = null;
    for (String f : ID_FIELDS) {
      if (row.text(f) != null) {
        idField = f;
        break;
      }
    }
    if (idField == null) {
      problems.field(row, "customerId", "is missing (each profile needs customerId or id)");
      return null;
    }
    CustomerId id;
    try {
      id = CustomerId.of(row.text(idField));
    } catch (IllegalArgumentException e) {
      problems.field(row, idField, e.getMessage());
      return null;
    }
    JsonNode attributes = row.get("attributes");
    String prefix = "attributes.";
    if (attributes == null) {
      if (row.get("identifiers") != null) {
        problems.field(row, "attributes", "is missing: a profile export of scrm-core holds no metrics; "
            + "make profiles with metrics with 'scrm ingest'");
        return null;
      }
      ObjectNode flat = row.fields().deepCopy();
      ID_FIELDS.forEach(flat::remove);
      attributes = flat;
      prefix = "";
    } else if (!attributes.isObject()) {
      problems.field(row, "attributes", "must be an object of attribute -> value, but was " + attributes);
      return null;
    }
    AttributeMap.Builder b = AttributeMap.builder();
    boolean ok = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
        continue;
      }
      AttributeKey<?> key = catalogue.find(e.getKey()).orElse(null);
      if (key == null) {
        problems.field(row, prefix + e.getKey(), "unknown attribute; see docs/attribute-catalogue.md");
        ok = false;
        continue;
      }
      try {
        b.putChecked(key, value(key, v));
      } catch (RuntimeException ex) { // a bad cell never stops the run
        problems.field(row, prefix + e.getKey(), "must be a " + key.type() + " (" + example(key.type())
            + "), but was " + v);
        ok = false;
      }
    }
    return ok ? new Profile(id, b.build(), row) : null;
  }

  private static Object value(AttributeKey<?> key, JsonNode v) {
    AttributeType type = key.type();
    switch (type) {
      case BOOLEAN:
        if (v.isBoolean()) {
          return v.booleanValue();
        }
        break;
      case LONG:
        if (v.isIntegralNumber() && v.canConvertToLong()) {
          return v.longValue();
        }
        break;
      case DECIMAL:
        if (v.isNumber()) {
          return v.decimalValue();
        }
        break;
      case MONEY:
        if (v.isNumber()) {
          return Money.parse(v.decimalValue().toPlainString(), Money.CNY);
        }
        if (v.isObject() && v.has("minorUnits")) {
          return Money.of(v.get("minorUnits").asLong(), Currency.getInstance(v.path("currency").asText("CNY")));
        }
        if (v.isTextual() && !v.textValue().contains(" ")) {
          String t = v.textValue().replace("¥", "").replace("￥", "");
          return Money.parse(t, Money.CNY);
        }
        break;
      case STRING_SET:
        if (v.isArray()) {
          ImmutableSet.Builder<String> s = ImmutableSet.builder();
          for (JsonNode x : v) {
            if (!x.isTextual()) {
              throw new IllegalArgumentException("set elements must be strings");
            }
            s.add(x.textValue());
          }
          return s.build();
        }
        if (v.isTextual()) {
          return ImmutableSet.copyOf(Arrays.stream(v.textValue().split("[;,]")).map(String::trim)
              .filter(x -> !x.isEmpty()).iterator());
        }
        break;
      default:
        break;
    }
    if (v.isTextual() || (v.isValueNode() && type != AttributeType.STRING)) {
      return AttributeText.parse(key, v.asText());
    }
    throw new IllegalArgumentException("wrong JSON type");
  }

  private static String example(AttributeType type) {
    return switch (type) {
      case BOOLEAN -> "true or false";
      case LONG -> "a whole number";
      case DECIMAL -> "a number";
      case MONEY -> "\"300.00 CNY\"";
      case STRING -> "text";
      case STRING_SET -> "an array of strings";
      case INSTANT -> "an ISO-8601 instant such as 2026-06-01T02:00:00Z";
      case DATE -> "a date such as 2026-06-01";
    };
  }

  /** The attributes of {@code values} that have a value, as JSON (the inverse of {@link #read}). */
  public static ObjectNode attributes(AttributeValues values, AttributeCatalogue catalogue) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (AttributeKey<?> key : catalogue.all()) {
      Object v = values.get(key);
      if (v == null) {
        continue;
      }
      if (v instanceof Long l) {
        out.put(key.name(), l);
      } else if (v instanceof BigDecimal d) {
        out.put(key.name(), d);
      } else if (v instanceof Boolean bool) {
        out.put(key.name(), bool);
      } else if (v instanceof ImmutableSet<?> set) {
        ArrayNode a = out.putArray(key.name());
        set.forEach(x -> a.add(String.valueOf(x)));
      } else {
        out.put(key.name(), format(key, v));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> String format(AttributeKey<T> key, Object value) {
    return AttributeText.format(key, (T) value);
  }
}
