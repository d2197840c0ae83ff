/**
 * Everything a host may implement, and the small interfaces where feature modules meet: {@link
 * io.github.scrm.core.spi.Audience} (implemented by segmentation, read by coupons), {@link
 * io.github.scrm.core.spi.RewardIssuer} (implemented by coupons, called by referrals) and {@link
 * io.github.scrm.core.spi.CustomerValueLookup} (read by sentiment). Each SPI has an in-memory default.
 */
@NullMarked
package io.github.scrm.core.spi;

import org.jspecify.annotations.NullMarked;
