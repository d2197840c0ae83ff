package io.github.scrm.segmentation;

import java.time.Instant;
import java.util.Optional;

/**
 * A tag currently on a profile.
 *
 * @param tag the tag
 * @param source rule, manual or imported
 * @param origin the rule set and version ({@code retail-seed v3}), staff id or import source
 * @param since when it was added
 * @param expiresAt when it expires, empty for "until removed"
 */
public record HeldTag(String tag, TagSource source, String origin, Instant since, Optional<Instant> expiresAt) {}
