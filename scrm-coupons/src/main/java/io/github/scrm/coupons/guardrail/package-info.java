/** Guardrails against operator slips: caps, approval, dry runs and the redemption-speed circuit breaker. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.guardrail;
