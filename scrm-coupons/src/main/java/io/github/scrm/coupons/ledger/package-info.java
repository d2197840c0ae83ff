/** The append-only ledger of every state change, campaign reports and reconciliation. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.ledger;
