/**
 * PIPL data-subject rights: export everything about a customer as JSON, erase a customer (personal data and
 * identifiers gone, anonymous aggregates kept, the erasure recorded), and the no-personalised-marketing contract of
 * {@code docs/privacy.md}. Other parts take part through {@link io.github.scrm.core.spi.PersonalDataParticipant}.
 */
@NullMarked
package io.github.scrm.core.privacy;

import org.jspecify.annotations.NullMarked;
