/**
 * Customer events: the sealed family of immutable facts a host feeds in (membership join, profile update, purchase,
 * refund, social interaction, community activity, campaign participation, staff contact, referral, consent), their
 * JSON form ({@link io.github.scrm.core.event.ScrmJson}) and JSON Lines import and export
 * ({@link io.github.scrm.core.event.JsonLines}). The JSON schema is documented in {@code docs/event-schema.md}.
 */
@NullMarked
package io.github.scrm.core.event;

import org.jspecify.annotations.NullMarked;
