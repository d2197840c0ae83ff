package io.github.scrm.segmentation;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;

/**
 * One change of a tag on a profile.
 *
 * @param customer the customer
 * @param tag the tag
 * @param kind added, removed or expired
 * @param source where the tag comes from
 * @param reason why, for people: {@code "rule lapsed of retail-seed v3 matched"}, {@code "set by staff s-17"}
 * @param at when the change happened
 */
public record TagChange(CustomerId customer, String tag, Kind kind, TagSource source, String reason, Instant at) {

  /** What happened to the tag. */
  public enum Kind {
    /** The tag was put on the profile. */
    ADDED,
    /** The tag was taken off (its rule stopped matching or is no longer in the rule set, or staff removed it). */
    REMOVED,
    /** The tag's time to live ran out. */
    EXPIRED
  }
}
