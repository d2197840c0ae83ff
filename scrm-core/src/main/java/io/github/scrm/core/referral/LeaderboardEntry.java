package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;

/**
 * One referrer (or poster owner) in a programme's leaderboard.
 *
 * @param customer the referrer
 * @param qualified rewards earned that are not denied, cancelled or clawed back
 * @param issued rewards paid
 * @param issuedValue value paid
 */
public record LeaderboardEntry(CustomerId customer, long qualified, long issued, Money issuedValue) {}
