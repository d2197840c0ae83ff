/**
 * The customer profile: an immutable view of one customer joining retail and social data, derived entirely from the
 * customer's events, so replaying the events rebuilds exactly the same profile. Rules read it through
 * {@link io.github.scrm.core.profile.CustomerProfile#attributesAt}.
 */
@NullMarked
package io.github.scrm.core.profile;

import org.jspecify.annotations.NullMarked;
