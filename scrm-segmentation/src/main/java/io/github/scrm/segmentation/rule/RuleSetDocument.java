package io.github.scrm.segmentation.rule;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A rule set as read from its JSON document, before validation.
 *
 * @param schemaVersion the document schema version ({@value RuleSetReader#SCHEMA_VERSION} is the only one so far)
 * @param name the rule set's name
 * @param version the rule set's version, carried into every tag's provenance
 * @param currency the currency of money literals and money attributes
 * @param rules the rules in document order
 * @param problems problems found while reading (malformed JSON, missing fields, syntax errors)
 */
public record RuleSetDocument(
    int schemaVersion, String name, long version, Currency currency, List<RuleDefinition> rules,
    List<Problem> problems) {

  /** Copies the lists. */
  public RuleSetDocument {
    rules = ImmutableList.copyOf(rules);
    problems = ImmutableList.copyOf(problems);
  }

  /**
   * Problems of the document itself, whatever its source: schema version, name, version, number of rules, rule ids
   * and rule TTLs (tags only, positive, at most {@link Conditions#MAX_DURATION}). The reader reports these while reading JSON; validation also runs them on documents built in code, so both
   * kinds are held to the same rules.
   */
  public List<Problem> structureProblems() {
    List<Problem> out = new ArrayList<>();
    if (schemaVersion != RuleSetReader.SCHEMA_VERSION) {
      out.add(Problem.at("schema-version", "/schemaVersion",
          "schemaVersion must be " + RuleSetReader.SCHEMA_VERSION + ", but was " + schemaVersion));
    }
    if (name.isBlank()) {
      out.add(Problem.at("missing-field", "/name", "a rule set needs a non-blank name"));
    }
    if (version < 1) {
      out.add(Problem.at("missing-field", "/version", "version must be a positive integer, but was " + version));
    }
    if (rules.size() > RuleSetReader.MAX_RULES) {
      out.add(Problem.at("limit", "/rules",
          "a rule set may have at most " + RuleSetReader.MAX_RULES + " rules, but had " + rules.size()));
    }
    for (int i = 0; i < rules.size(); i++) {
      RuleDefinition r = rules.get(i);
      String at = r.pointer().isEmpty() ? "/rules/" + i : r.pointer();
      String idProblem = RuleSetReader.checkId(r.id());
      if (idProblem != null) {
        out.add(Problem.at("bad-id", at + "/id", idProblem));
      }
      if (r.ttl().isPresent()) {
        Duration ttl = r.ttl().get();
        if (r.kind() == RuleKind.SEGMENT) {
          out.add(Problem.at("bad-value", at + "/ttl", "ttl applies to tags only, but rule '" + r.id()
              + "' is a segment: remove ttl or make it a tag"));
        } else if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Conditions.MAX_DURATION) > 0) {
          out.add(Problem.at("bad-value", at + "/ttl", "ttl must be positive and at most "
              + Conditions.MAX_DURATION.toDays() + "d, but was " + ttl));
        }
      }
    }
    return out;
  }

  /** A rule set built in code (CNY, current schema). */
  public static RuleSetDocument of(String name, long version, List<RuleDefinition> rules) {
    return new RuleSetDocument(RuleSetReader.SCHEMA_VERSION, name, version, io.github.scrm.core.money.Money.CNY, rules,
        List.of());
  }
}
