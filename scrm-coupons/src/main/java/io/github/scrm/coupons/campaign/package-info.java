/** Campaigns, issued coupons and their states, and the operator controls (create, approve, freeze, revoke, report). */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.campaign;
