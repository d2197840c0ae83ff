package io.github.scrm.core.staff;

/**
 * How a departing staff member's customers are spread over the remaining active staff. Customers are handled in
 * order of their id; a candidate at {@link TransferPolicy#maxCustomersPerStaff()} is skipped.
 */
public enum ReassignmentStrategy {
  /** Candidates in order of their id, one customer each in turn: the counts given differ by at most one. */
  ROUND_ROBIN,
  /** Each customer to the candidate who owns the fewest customers at that moment (ties: lowest id). */
  LEAST_LOADED,
  /** Only candidates of the departing staff member's store, each customer to the least loaded of them. */
  SAME_STORE
}
