package io.github.scrm.core.referral.influence;

import io.github.scrm.core.customer.CustomerId;
import java.math.BigDecimal;

/**
 * One line of a top-N list.
 *
 * @param rank 1 for the most influential in the query's scope
 * @param customer the customer
 * @param score the influence score, 0 to 100 with two decimals
 */
public record RankedCustomer(int rank, CustomerId customer, BigDecimal score) {}
