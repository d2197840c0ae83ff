package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * What the engine did with one referral event, per programme. Bad input is a {@link Rejected} value and changes
 * nothing; clear fraud is {@link Refused} with its reasons; suspicious cases are {@link Qualified} with a reward in
 * {@link RewardState#IN_REVIEW}.
 */
public sealed interface ReferralOutcome {

  /** A referral code or poster code was handed out (or handed out again: codes are stable per customer). */
  record CodeIssued(CodeAssignment assignment) implements ReferralOutcome {}

  /** A support was counted for a poster; {@code earned} lists the ladder rewards it unlocked. */
  record Supported(PosterProgress progress, List<Reward> earned) implements ReferralOutcome {
    /** Copies the list. */
    public Supported {
      earned = List.copyOf(earned);
    }
  }

  /** A touch was recorded for later attribution. */
  record TouchRecorded(String programme, CustomerId referrer, boolean explicit) implements ReferralOutcome {}

  /** The referee's one referrer in the programme is now fixed. */
  record Attributed(Attribution attribution) implements ReferralOutcome {}

  /** A qualification earned {@code reward} (look at its state: pending, in review, issued, or denied by the cap). */
  record Qualified(Reward reward) implements ReferralOutcome {}

  /** A qualification was refused as clear fraud; the denied reward keeps the reasons. */
  record Refused(Reward reward, List<FraudFlag> flags) implements ReferralOutcome {
    /** Copies the list. */
    public Refused {
      flags = List.copyOf(flags);
    }
  }

  /** A refund cancelled or clawed back {@code reward}. */
  record Reversed(Reward reward) implements ReferralOutcome {}

  /** The event was seen before; nothing changed. {@code detail} says what it repeated. */
  record Duplicate(String detail) implements ReferralOutcome {}

  /** The event does not qualify (a first purchase below the minimum, a refund after the review period). */
  record NotQualified(String programme, String reason) implements ReferralOutcome {}

  /** Bad input: nothing changed. */
  record Rejected(Reason reason, String detail) implements ReferralOutcome {
    /** Validates the parts. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Why an event was rejected. */
  enum Reason {
    /** No programme or campaign has this code. */
    UNKNOWN_CODE,
    /** No programme or campaign has this id. */
    UNKNOWN_PROGRAMME,
    /** The programme or campaign is not running at the event's instant. */
    NOT_RUNNING,
    /** The customer is not known to the person directory. */
    UNKNOWN_CUSTOMER,
    /** The prospect was already a customer before the touch. */
    EXISTING_CUSTOMER,
    /** The prospect is the referrer (or the poster owner) or shares an identifier with them, or closes a cycle. */
    SELF,
    /** The event carried no identifier. */
    NO_IDENTIFIERS,
    /** No valid touch (or no attribution) exists for the customer. */
    NOT_REFERRED,
    /** The supporter reached the campaign's limit of posters. */
    SUPPORTER_LIMIT,
    /** An amount is out of range (a negative paid amount). */
    INVALID_AMOUNT,
    /** The referrer or poster owner was erased (PIPL): their codes and posters refer nobody any more. */
    ERASED
  }
}
