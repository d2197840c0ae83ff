package io.github.scrm.segmentation.rule;

import com.google.common.collect.ImmutableList;
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

  /** A rule set built in code (CNY, current schema). */
  public static RuleSetDocument of(String name, long version, List<RuleDefinition> rules) {
    return new RuleSetDocument(RuleSetReader.SCHEMA_VERSION, name, version, io.github.scrm.core.money.Money.CNY, rules,
        List.of());
  }
}
