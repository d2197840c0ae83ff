/**
 * Population-based tiers: RFM value classes with fixed cut-offs or with cut-offs taken from quantiles of the
 * population (per store or category), and A/B/C grading by cumulative revenue share. Start at {@link
 * io.github.scrm.segmentation.tier.RfmTiers} and {@link io.github.scrm.segmentation.tier.AbcGrading}.
 */
@NullMarked
package io.github.scrm.segmentation.tier;

import org.jspecify.annotations.NullMarked;
