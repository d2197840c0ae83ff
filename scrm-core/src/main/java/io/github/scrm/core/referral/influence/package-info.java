/**
 * Key-opinion-customer ranking over the graph of referrals and shares: direct qualified referrals, decayed downstream
 * conversions and GMV within k hops, and a PageRank-style score, combined into an explainable 0 to 100 influence
 * score that is written to {@code social.influence} through an {@link io.github.scrm.core.spi.InfluenceSink}. Entry
 * point: {@link io.github.scrm.core.referral.influence.InfluenceGraph#builder()}. The graph is held in primitive
 * arrays (compressed sparse rows) so that a million customers and ten million edges rank in seconds.
 */
@NullMarked
package io.github.scrm.core.referral.influence;

import org.jspecify.annotations.NullMarked;
