package io.github.scrm.core.contact;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in contact rules and the default rule list. Every rule has a stable name that appears in denials.
 *
 * <p>{@link #defaults()}, in order:
 *
 * <ol>
 *   <li>{@code consent}: consent in force for the channel and purpose, for every purpose;
 *   <li>{@code no-personalised-marketing}: PIPL art. 24 flag;
 *   <li>{@code quiet-hours}: no marketing or care message from 21:00 to 08:00 in the customer's zone;
 *   <li>{@code marketing-per-day}: at most 1 marketing message per calendar day, any channel;
 *   <li>{@code marketing-per-week}: at most 3 marketing messages per calendar week, any channel;
 *   <li>{@code care-per-day} and {@code care-per-week}: at most 1 care message per day and 2 per week;
 *   <li>{@code wecom-bulk-per-day}: at most 1 WeCom enterprise bulk message per calendar day (the platform's cap);
 *   <li>{@code campaign-once}: each campaign at most once per customer.
 * </ol>
 *
 * <p>Calendar windows are counted in the policy's business zone; quiet hours in the customer's zone.
 */
public final class ContactRules {

  private ContactRules() {}

  /** The default rule list described in the class comment. */
  public static List<ContactRule> defaults() {
    return List.of(
        consentRequired(),
        noPersonalisedMarketing(),
        quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), EnumSet.of(ContactPurpose.MARKETING, ContactPurpose.CARE)),
        cap("marketing-per-day").purposes(ContactPurpose.MARKETING).max(1).per(CapWindow.calendarDay()).build(),
        cap("marketing-per-week").purposes(ContactPurpose.MARKETING).max(3).per(CapWindow.calendarWeek()).build(),
        cap("care-per-day").purposes(ContactPurpose.CARE).max(1).per(CapWindow.calendarDay()).build(),
        cap("care-per-week").purposes(ContactPurpose.CARE).max(2).per(CapWindow.calendarWeek()).build(),
        wecomBulkPerDay(),
        campaignOnce());
  }

  /** {@code consent}: a granted consent in force for the channel and purpose, for every purpose. */
  public static ContactRule consentRequired() {
    return consentRequired(EnumSet.allOf(ContactPurpose.class));
  }

  /** {@code consent}, checked only for {@code purposes} (for example, not for service notices). */
  public static ContactRule consentRequired(Set<ContactPurpose> purposes) {
    return new ConsentRule("consent", purposes);
  }

  /** {@code no-personalised-marketing}: honours the customer's PIPL art. 24 refusal of personalised marketing. */
  public static ContactRule noPersonalisedMarketing() {
    return new PersonalisedMarketingRule("no-personalised-marketing");
  }

  /**
   * {@code quiet-hours}: no contact for {@code purposes} from {@code start} (inclusive) to {@code end} (exclusive) in
   * the customer's zone (the business zone when unknown); {@code start} after {@code end} spans midnight.
   */
  public static ContactRule quietHours(LocalTime start, LocalTime end, Set<ContactPurpose> purposes) {
    return new QuietHoursRule("quiet-hours", start, end, purposes);
  }

  /** {@code wecom-bulk-per-day}: WeCom allows one enterprise bulk message per customer per day. */
  public static ContactRule wecomBulkPerDay() {
    return cap("wecom-bulk-per-day")
        .channels(ContactChannel.WECOM)
        .bulkOnly()
        .max(1)
        .per(CapWindow.calendarDay())
        .reason(DenialReason.PLATFORM_CAP)
        .build();
  }

  /** {@code campaign-once}: a customer receives each campaign at most once, on any channel. */
  public static ContactRule campaignOnce() {
    return new CampaignOnceRule("campaign-once");
  }

  /** Starts a frequency cap named {@code name}; see {@link CapBuilder}. */
  public static CapBuilder cap(String name) {
    return new CapBuilder(name);
  }

  /**
   * Builds a frequency cap: at most {@code max} contacts per customer per window, counting the chosen purposes and
   * channels (all when none are chosen). Required: {@link #max} and {@link #per}.
   */
  public static final class CapBuilder {
    private final String name;
    private Set<ContactPurpose> purposes = EnumSet.noneOf(ContactPurpose.class);
    private Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
    private boolean perChannel;
    private boolean bulkOnly;
    private CapWindow window;
    private int max = -1;
    private DenialReason reason = DenialReason.FREQUENCY_CAP;

    private CapBuilder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("cap name must be non-blank, but was " + name);
      }
      this.name = name;
    }

    /** Counts and applies to these purposes only. */
    public CapBuilder purposes(ContactPurpose first, ContactPurpose... more) {
      this.purposes = EnumSet.of(first, more);
      return this;
    }

    /** Counts and applies to these channels only. */
    public CapBuilder channels(ContactChannel first, ContactChannel... more) {
      this.channels = EnumSet.of(first, more);
      return this;
    }

    /** Gives each channel its own count instead of one count across channels. */
    public CapBuilder eachChannel() {
      this.perChannel = true;
      return this;
    }

    /** Counts and applies to enterprise bulk messages only. */
    public CapBuilder bulkOnly() {
      this.bulkOnly = true;
      return this;
    }

    /** The number of contacts allowed per window; at least 0. */
    public CapBuilder max(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("cap " + name + " max must be at least 0, but was " + max);
      }
      this.max = max;
      return this;
    }

    /** The window counted in. */
    public CapBuilder per(CapWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    /** The reason reported; {@link DenialReason#FREQUENCY_CAP} unless set. */
    public CapBuilder reason(DenialReason reason) {
      this.reason = Objects.requireNonNull(reason, "reason");
      return this;
    }

    /** The rule. */
    public ContactRule build() {
      if (max < 0) {
        throw new IllegalStateException("cap " + name + " needs max(n): how many contacts per window are allowed");
      }
      if (window == null) {
        throw new IllegalStateException(
            "cap " + name + " needs per(window): CapWindow.calendarDay(), calendarWeek() or rolling(duration)");
      }
      return new FrequencyCapRule(name, purposes, channels, perChannel, bulkOnly, window, max, reason);
    }
  }
}
