/**
 * The contact policy: before any outbound message the host asks {@link io.github.scrm.core.contact.ContactPolicy}
 * whether a customer may be contacted on a channel, for a purpose, at an instant, and gets {@code Allowed} or {@code
 * Denied(reason, rule)}. Rules (consent, opt-out, the PIPL "no personalised marketing" flag, frequency caps, platform
 * caps, quiet hours, care caps, one contact per campaign) are small named {@link
 * io.github.scrm.core.contact.ContactRule}s built by {@link io.github.scrm.core.contact.ContactRules}. Recorded contacts
 * live in a {@link io.github.scrm.core.spi.ContactLedger}; {@link io.github.scrm.core.contact.ContactLedgers#inMemory()}
 * is the default.
 */
@NullMarked
package io.github.scrm.core.contact;

import org.jspecify.annotations.NullMarked;
