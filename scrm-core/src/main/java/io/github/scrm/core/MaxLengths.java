package io.github.scrm.core;

/**
 * The longest value, in UTF-16 characters ({@link String#length()}), that each kind of id and key may have. The library
 * refuses a longer value where it is made (a constructor, a builder's {@code build()}, a definition, an event read from
 * JSON), so a store may keep every kind in a column of this width and never meets a longer one in the middle of a
 * write. The JDBC example's schema uses exactly these widths; {@code docs/event-schema.md} lists them.
 *
 * <p>A refusal names the field, the limit and the actual length; it never repeats the value, which may be personal
 * data (an identifier can be a phone number or an email address).
 */
public final class MaxLengths {

  private MaxLengths() {}

  /** {@link io.github.scrm.core.customer.CustomerId}: 64, also the length a host's {@code IdSource} ids must keep. */
  public static final int CUSTOMER_ID = 64;

  /** The scope of a scoped {@link io.github.scrm.core.identity.Identifier} (an app id, open platform or corp id). */
  public static final int IDENTIFIER_SCOPE = 128;

  /** The value of an {@link io.github.scrm.core.identity.Identifier}, after normalisation and hashing. */
  public static final int IDENTIFIER_VALUE = 256;

  /** An event's {@code eventId}, its idempotency key. */
  public static final int EVENT_ID = 256;

  /**
   * Every other text an event carries: order ids, SKUs, brands, categories, channels, campaign, group and programme
   * ids, referral codes, coupon codes, tags, topics and names. A comment's text has its own limit of 10 000.
   */
  public static final int EVENT_TEXT = 256;

  /** An order id, in events and in the referral and coupon records that name an order. */
  public static final int ORDER_ID = EVENT_TEXT;

  /** {@link io.github.scrm.core.staff.StaffId}. */
  public static final int STAFF_ID = 64;

  /** A staff member's store or team ({@link io.github.scrm.core.staff.StaffMember#store()}). */
  public static final int STORE = 200;

  /** An {@link io.github.scrm.core.staff.AcquisitionCode}'s state: WeCom's own limit. */
  public static final int ACQUISITION_CODE = 30;

  /** A contact campaign's {@link io.github.scrm.core.contact.CampaignId}. */
  public static final int CAMPAIGN_ID = 128;

  /** A {@link io.github.scrm.core.identity.MergeRecord}'s merge id. */
  public static final int MERGE_ID = 128;

  /** The id of a referral programme or supporter campaign ({@code ProgrammeSpec.id()}, {@code CampaignSpec.id()}). */
  public static final int PROGRAMME_ID = 200;

  /** A referral reward's key ({@code RewardSpec.rewardKey()}): what the reward issuer gives, a coupon campaign id. */
  public static final int REWARD_KEY = 200;

  /**
   * The device a referral support came from ({@code Support.device()}), as the host identifies it: room for a hash in
   * hex or Base64 with a prefix naming the scheme.
   */
  public static final int SUPPORT_DEVICE = 300;

  /** The network a referral support came from ({@code Support.network()}), for example a hashed address block. */
  public static final int SUPPORT_NETWORK = 300;
}
