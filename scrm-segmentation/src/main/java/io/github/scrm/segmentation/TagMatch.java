package io.github.scrm.segmentation;

import java.time.Instant;

/**
 * A tag or segment a profile has, with its provenance.
 *
 * @param tag the tag (the rule's id)
 * @param ruleId the rule that produced it
 * @param ruleSet the rule set's name
 * @param ruleSetVersion the rule set's version
 * @param asOf the instant the rule was evaluated at
 */
public record TagMatch(String tag, String ruleId, String ruleSet, long ruleSetVersion, Instant asOf) {}
