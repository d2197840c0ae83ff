package io.github.scrm.core.staff;

/** How a staff member came to own a customer. */
public enum OwnershipReason {
  /** The customer added the staff member through their acquisition code. */
  ACQUIRED,
  /** Transferred on request from another active staff member. */
  TRANSFERRED,
  /** Reassigned because the previous owner left. */
  REASSIGNED,
  /**
   * Taken over from a customer merged into this one, who had an owner when this one had none: the same person, so no
   * transfer (see {@link StaffDirectory#merged}).
   */
  MERGED
}
