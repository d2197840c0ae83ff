/**
 * Referral programmes, supporter campaigns (好友助力 / 任务宝), fraud screening, the reward ledger and campaign
 * analytics. The entry point is {@link io.github.scrm.core.referral.Referrals#builder()}; programmes are described by
 * {@link io.github.scrm.core.referral.ProgrammeSpec} and campaigns by {@link
 * io.github.scrm.core.referral.CampaignSpec}. Every expected result is a value ({@link
 * io.github.scrm.core.referral.ReferralOutcome}, {@link io.github.scrm.core.referral.Definition}); exceptions mean a
 * programming error or broken infrastructure. Key-opinion-customer ranking lives in {@code referral.influence}.
 */
@NullMarked
package io.github.scrm.core.referral;

import org.jspecify.annotations.NullMarked;
