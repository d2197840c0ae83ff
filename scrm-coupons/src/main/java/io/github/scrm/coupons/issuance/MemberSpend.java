package io.github.scrm.coupons.issuance;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;

/**
 * A member's level and spending in the previous month, as the host's profile or order system reports it.
 *
 * @param customer the member
 * @param level the member level
 * @param lastMonthSpend the spending last month
 */
public record MemberSpend(CustomerId customer, String level, Money lastMonthSpend) {}
