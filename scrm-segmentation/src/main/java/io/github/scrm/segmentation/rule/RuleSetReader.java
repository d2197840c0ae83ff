package io.github.scrm.segmentation.rule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads rule-set documents:
 *
 * <pre>{@code
 * {"schemaVersion": 1, "name": "retail", "version": 3, "currency": "CNY",
 *  "rules": [{"id": "lapsed", "kind": "tag", "description": "...", "owner": "crm", "ttl": "30d", "priority": 5,
 *             "when": "daysSince(purchase.last) > 180"}]}
 * }</pre>
 *
 * {@code when} is expression text or a JSON condition tree. Reading is strict: an unknown field, a value of the wrong
 * JSON type ({@code "1"} or {@code 1.0} where an integer belongs, a number where text belongs), a {@code ttl} on a
 * segment and anything after the document are problems, never coerced or ignored. Reading collects every problem; it
 * never throws.
 */
public final class RuleSetReader {

  /** The schema version this library reads. */
  public static final int SCHEMA_VERSION = 1;
  /** At most this many rules in one set. */
  public static final int MAX_RULES = 2_000;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> DOCUMENT_FIELDS = List.of("schemaVersion", "name", "version", "currency", "rules");
  private static final List<String> RULE_FIELDS =
      List.of("id", "kind", "description", "owner", "ttl", "priority", "when");

  private RuleSetReader() {}

  /** Reads a document; problems (including malformed JSON with its line and column) are in the result. */
  public static RuleSetDocument read(String json) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      problems.add(new Problem("malformed-json", e.getOriginalMessage(), "",
          loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()));
      return new RuleSetDocument(0, "", 0, io.github.scrm.core.money.Money.CNY, List.of(), problems);
    }
    if (root == null || !root.isObject()) {
      problems.add(Problem.at("malformed-json", "", "a rule set must be a JSON object"));
      return new RuleSetDocument(0, "", 0, io.github.scrm.core.money.Money.CNY, List.of(), problems);
    }
    unknownFields(root, "", DOCUMENT_FIELDS, "rule-set", problems);
    JsonNode schemaNode = root.path("schemaVersion");
    int schema = schemaNode.isIntegralNumber() && schemaNode.canConvertToInt() ? schemaNode.intValue() : -1;
    if (schema != SCHEMA_VERSION) {
      problems.add(Problem.at("schema-version", "/schemaVersion",
          "schemaVersion must be " + SCHEMA_VERSION + ", but was " + describe(schemaNode)));
    }
    JsonNode nameNode = root.path("name");
    String name = nameNode.isTextual() ? nameNode.textValue() : "";
    if (name.isBlank()) {
      problems.add(Problem.at("missing-field", "/name", "a rule set needs a non-blank name"
          + (nameNode.isMissingNode() || nameNode.isTextual() ? "" : " as text, but was " + describe(nameNode))));
    }
    JsonNode versionNode = root.path("version");
    long version = versionNode.isIntegralNumber() && versionNode.canConvertToLong() ? versionNode.longValue() : -1;
    if (version < 1) {
      problems.add(Problem.at("missing-field", "/version",
          "version must be a positive integer, but was " + describe(versionNode)));
    }
    Currency currency = io.github.scrm.core.money.Money.CNY;
    if (root.has("currency")) {
      try {
        if (!root.get("currency").isTextual()) {
          throw new IllegalArgumentException("not text");
        }
        currency = Currency.getInstance(root.get("currency").textValue());
      } catch (IllegalArgumentException e) {
        problems.add(Problem.at("bad-value", "/currency",
            "currency must be an ISO 4217 code such as \"CNY\", but was " + root.get("currency")));
      }
    }
    List<RuleDefinition> rules = new ArrayList<>();
    JsonNode list = root.path("rules");
    if (!list.isArray()) {
      problems.add(Problem.at("missing-field", "/rules", "rules must be an array of rule objects"));
    } else if (list.size() > MAX_RULES) {
      problems.add(Problem.at("limit", "/rules",
          "a rule set may have at most " + MAX_RULES + " rules, but had " + list.size()));
    } else {
      for (int i = 0; i < list.size(); i++) {
        rule(list.get(i), "/rules/" + i, problems).ifPresent(rules::add);
      }
    }
    return new RuleSetDocument(schema, name, version, currency, rules, problems);
  }

  private static Optional<RuleDefinition> rule(JsonNode r, String at, List<Problem> problems) {
    if (!r.isObject()) {
      problems.add(Problem.at("syntax", at, "a rule must be an object, but was " + JsonConditions.describe(r)));
      return Optional.empty();
    }
    unknownFields(r, at, RULE_FIELDS, "rule", problems);
    String id = r.path("id").isTextual() ? r.get("id").textValue() : "";
    String idProblem = r.has("id") && !r.get("id").isTextual()
        ? "a rule id must be text such as \"vip\", but was " + r.get("id") : checkId(id);
    if (idProblem != null) {
      problems.add(Problem.at("bad-id", at + "/id", idProblem));
    }
    RuleKind kind = RuleKind.TAG;
    if (r.has("kind")) {
      JsonNode kindNode = r.get("kind");
      try {
        if (!kindNode.isTextual()) {
          throw new IllegalArgumentException("not text");
        }
        kind = RuleKind.valueOf(kindNode.textValue().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.at("bad-value", at + "/kind", "kind must be \"tag\" or \"segment\", but was "
            + kindNode));
      }
    }
    String description = text(r, "description", at, problems);
    String owner = text(r, "owner", at, problems);
    Optional<Duration> ttl = Optional.empty();
    if (r.has("ttl")) {
      JsonNode ttlNode = r.get("ttl");
      ParsedCondition p = ttlNode.isTextual() ? ExpressionParser.parse(ttlNode.textValue(), at + "/ttl") : null;
      if (kind == RuleKind.SEGMENT) {
        problems.add(Problem.at("bad-value", at + "/ttl", "ttl applies to tags only, but rule '" + id
            + "' is a segment: remove ttl or make it a tag"));
      } else if (p != null && p.expression().orElse(null) instanceof Expression.DurationLiteral d
          && !d.value().isZero()) {
        ttl = Optional.of(d.value());
      } else {
        problems.add(Problem.at("bad-value", at + "/ttl",
            "ttl must be a positive duration such as \"30d\" or \"12h\", but was " + ttlNode
            + JsonConditions.because(p)));
      }
    }
    int priority = 0;
    if (r.has("priority")) {
      JsonNode p = r.get("priority");
      if (p.isIntegralNumber() && p.canConvertToInt()) {
        priority = p.intValue();
      } else {
        problems.add(Problem.at("bad-value", at + "/priority", "priority must be an integer between "
            + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", but was " + p));
      }
    }
    JsonNode when = r.get("when");
    ParsedCondition condition;
    if (when == null) {
      problems.add(Problem.at("missing-field", at + "/when", "rule '" + id + "' needs a condition in 'when'"));
      return Optional.empty();
    } else if (when.isTextual()) {
      condition = ExpressionParser.parse(when.textValue(), at + "/when");
    } else {
      condition = JsonConditions.read(when, at + "/when");
    }
    problems.addAll(condition.problems());
    return Optional.of(new RuleDefinition(id, kind, description, owner, ttl, priority, condition, at));
  }

  private static void unknownFields(JsonNode object, String at, List<String> known, String what,
      List<Problem> problems) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problems.add(Problem.at("unknown-field", at + "/" + JsonConditions.escape(f),
            "unknown " + what + " field '" + f + "'; " + what + " fields are " + known));
      }
    }
  }

  /** The text of optional field {@code field}, "" when absent; a problem when it is not text. */
  private static String text(JsonNode r, String field, String at, List<Problem> problems) {
    JsonNode n = r.get(field);
    if (n == null) {
      return "";
    }
    if (!n.isTextual()) {
      problems.add(Problem.at("bad-value", at + "/" + field, field + " must be text, but was " + describe(n)));
      return "";
    }
    return n.textValue();
  }

  private static String describe(JsonNode n) {
    return n.isMissingNode() ? "missing" : JsonConditions.describe(n);
  }

  /** Null when {@code id} is a valid rule id, else why not. */
  static String checkId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return "a rule id must have 1 to 64 characters, but was '" + id + "'";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\'' || c == '"' || c == ',') {
        return "a rule id may not contain spaces, quotes or commas, but '" + id + "' has one at index " + i;
      }
    }
    return null;
  }
}
