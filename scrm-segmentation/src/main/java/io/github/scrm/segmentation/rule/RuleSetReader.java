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
import java.util.Set;

/**
 * Reads rule-set documents:
 *
 * <pre>{@code
 * {"schemaVersion": 1, "name": "retail", "version": 3, "currency": "CNY",
 *  "rules": [{"id": "lapsed", "kind": "tag", "description": "...", "owner": "crm", "ttl": "30d", "priority": 5,
 *             "when": "daysSince(purchase.last) > 180"}]}
 * }</pre>
 *
 * {@code when} is expression text or a JSON condition tree. Reading collects every problem; it never throws.
 */
public final class RuleSetReader {

  /** The schema version this library reads. */
  public static final int SCHEMA_VERSION = 1;
  /** At most this many rules in one set. */
  public static final int MAX_RULES = 2_000;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  private static final Set<String> RULE_FIELDS =
      Set.of("id", "kind", "description", "owner", "ttl", "priority", "when");

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
    int schema = root.path("schemaVersion").asInt(-1);
    if (schema != SCHEMA_VERSION) {
      problems.add(Problem.at("schema-version", "/schemaVersion",
          "schemaVersion must be " + SCHEMA_VERSION + ", but was " + root.path("schemaVersion")));
    }
    String name = root.path("name").asText("");
    if (name.isBlank()) {
      problems.add(Problem.at("missing-field", "/name", "a rule set needs a non-blank name"));
    }
    long version = root.path("version").asLong(-1);
    if (!root.path("version").canConvertToLong() || version < 1) {
      problems.add(Problem.at("missing-field", "/version",
          "version must be a positive integer, but was " + root.path("version")));
    }
    Currency currency = io.github.scrm.core.money.Money.CNY;
    if (root.has("currency")) {
      try {
        currency = Currency.getInstance(root.get("currency").asText(""));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.at("bad-value", "/currency",
            "currency must be an ISO 4217 code such as CNY, but was " + root.get("currency")));
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
    for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!RULE_FIELDS.contains(f)) {
        problems.add(Problem.at("unknown-field", at + "/" + JsonConditions.escape(f),
            "unknown rule field '" + f + "'; rule fields are " + RULE_FIELDS));
      }
    }
    String id = r.path("id").asText("");
    String idProblem = checkId(id);
    if (idProblem != null) {
      problems.add(Problem.at("bad-id", at + "/id", idProblem));
    }
    RuleKind kind = RuleKind.TAG;
    String kindText = r.path("kind").asText("tag");
    try {
      kind = RuleKind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at("bad-value", at + "/kind", "kind must be 'tag' or 'segment', but was '" + kindText + "'"));
    }
    Optional<Duration> ttl = Optional.empty();
    if (r.has("ttl")) {
      ParsedCondition p = ExpressionParser.parse(r.get("ttl").asText(""), at + "/ttl");
      if (p.expression().orElse(null) instanceof Expression.DurationLiteral d && !d.value().isZero()) {
        ttl = Optional.of(d.value());
      } else {
        problems.add(Problem.at("bad-value", at + "/ttl",
            "ttl must be a positive duration such as \"30d\" or \"12h\", but was " + r.get("ttl")));
      }
    }
    int priority = 0;
    if (r.has("priority")) {
      if (r.get("priority").canConvertToInt()) {
        priority = r.get("priority").intValue();
      } else {
        problems.add(Problem.at("bad-value", at + "/priority", "priority must be an integer, but was "
            + r.get("priority")));
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
    return Optional.of(new RuleDefinition(id, kind, r.path("description").asText(""), r.path("owner").asText(""),
        ttl, priority, condition, at));
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
