package io.github.scrm.coupons.ledger;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.CouponMaxLengths;
import java.util.Objects;

/**
 * Who caused a ledger entry: a customer, an operator or the system (a trigger, an expiry, the circuit breaker). Ids
 * only, never names.
 *
 * @param kind the kind of actor
 * @param id the customer id, operator id or system component name
 */
public record Actor(Kind kind, String id) {

  /** The kinds of actor. */
  public enum Kind {
    /** A customer acting for themselves. */
    CUSTOMER,
    /** A back-office operator. */
    OPERATOR,
    /** The library or the host acting automatically. */
    SYSTEM
  }

  /** Null checks. */
  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    CouponMaxLengths.check("actor id", id, CouponMaxLengths.ACTOR_ID);
  }

  /** A customer. */
  public static Actor customer(CustomerId id) {
    return new Actor(Kind.CUSTOMER, id.value());
  }

  /** An operator by id. */
  public static Actor operator(String id) {
    return new Actor(Kind.OPERATOR, id);
  }

  /** The system, naming the component. */
  public static Actor system(String component) {
    return new Actor(Kind.SYSTEM, component);
  }
}
