package io.github.scrm.segmentation;

import java.time.Instant;
import java.util.Optional;

/**
 * A tag currently on a profile from one source (a customer may hold the same tag from a rule and from staff).
 *
 * @param tag the tag
 * @param source rule, manual or imported
 * @param origin the rule set and version ({@code retail-seed v3}), staff id or import source
 * @param since when it was added
 * @param expiresAt when it expires; empty for a manual or imported tag without TTL, and for a rule tag whose rule
 *     matched in the latest evaluation (a rule tag with a TTL gets its expiry once its rule stops matching: TTL after
 *     the last evaluation in which it matched)
 */
public record HeldTag(String tag, TagSource source, String origin, Instant since, Optional<Instant> expiresAt) {}
