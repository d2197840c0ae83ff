/**
 * SCRM core: the customer profile joining retail and social data, identities, events, metrics, staff ownership,
 * contact policy, privacy and referrals, plus the money, time and error types every module shares.
 *
 * <p>Everything a host may implement is in {@link io.github.scrm.core.spi}.
 */
@NullMarked
package io.github.scrm.core;

import org.jspecify.annotations.NullMarked;
