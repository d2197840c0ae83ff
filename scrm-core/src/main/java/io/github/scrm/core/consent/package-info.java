/**
 * Consent under China's PIPL: what a customer agreed to be contacted about, on which channel, since when. The contact
 * policy reads it before every outbound message; privacy exports it.
 */
@NullMarked
package io.github.scrm.core.consent;

import org.jspecify.annotations.NullMarked;
