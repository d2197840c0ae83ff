package io.github.scrm.core.staff;

/** Why an acquisition or a transfer did not happen. */
public enum RefusalReason {
  /** No active staff member has this acquisition code. */
  UNKNOWN_CODE,
  /** The customer has no owner to transfer from. */
  NOT_OWNED,
  /** The target staff member is unknown or has left. */
  STAFF_UNAVAILABLE,
  /** The customer already belongs to the target staff member. */
  SAME_OWNER,
  /** Another transfer of this customer is still pending. */
  TRANSFER_PENDING,
  /** The customer was already transferred the maximum number of times within the window (WeCom: 2 per 90 days). */
  TRANSFER_LIMIT_REACHED,
  /** The staff member already owns the maximum number of customers. */
  AT_CAPACITY,
  /** On departure: no candidate staff member could take the customer. */
  NO_SUCCESSOR_AVAILABLE,
  /** The customer refused the transfer within the pending period; the old owner keeps them. */
  CUSTOMER_REFUSED,
  /** There is no pending transfer to refuse (none was requested, or it already took effect). */
  NOTHING_PENDING
}
