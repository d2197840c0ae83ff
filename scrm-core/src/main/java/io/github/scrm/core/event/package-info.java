/**
 * Customer events: the sealed family of immutable facts a host feeds in (membership join, profile update, purchase,
 * refund, social interaction, community activity, campaign participation, staff contact, referral, consent), their
 * JSON form ({@link io.github.scrm.core.event.ScrmJson}) and JSON Lines import and export
 * ({@link io.github.scrm.core.event.JsonLines}). The JSON schema is documented in {@code docs/event-schema.md}.
 *
 * <p>Every text an event carries is bounded ({@link io.github.scrm.core.MaxLengths}): an event id and every other
 * text at most 256 characters, a comment's text 10 000. A longer value is refused when the event is made, and when it
 * is read from JSON with its field path ({@code orderId: must have 1 to 256 non-blank characters, but had 257}).
 */
@NullMarked
package io.github.scrm.core.event;

import org.jspecify.annotations.NullMarked;
