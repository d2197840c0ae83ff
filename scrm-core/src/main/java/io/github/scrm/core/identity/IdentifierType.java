package io.github.scrm.core.identity;

/** The kinds of identifier an event can carry. */
public enum IdentifierType {
  /** WeChat openid, scoped to the official account or mini-program app id. */
  WECHAT_OPENID(true, false),
  /** WeChat unionid, scoped to the open-platform account. */
  WECHAT_UNIONID(true, false),
  /** WeCom external_userid, scoped to the corp id. */
  WECOM_EXTERNAL_USERID(true, false),
  /** Weibo uid. */
  WEIBO_UID(false, false),
  /** Douyin open_id, scoped to the app (client key). */
  DOUYIN_OPENID(true, false),
  /** Douyin union_id, scoped to the developer account. */
  DOUYIN_UNIONID(true, false),
  /** Xiaohongshu user id. */
  XIAOHONGSHU_USER_ID(false, false),
  /** Mobile phone: normalised, stored only as a keyed hash, shown masked ({@code 138****1234}). */
  PHONE(false, true),
  /** Email address: stored only as a keyed hash of the lower-cased address, shown masked. */
  EMAIL(false, true),
  /** The retailer's member number. */
  MEMBER_NUMBER(false, false),
  /** The customer id in the host's ERP. */
  ERP_CUSTOMER_ID(false, false),
  /** A device id (IDFA, OAID, a POS terminal's customer device). */
  DEVICE_ID(false, false),
  /**
   * A payment account supplied by the host, possibly already hashed by the host: either way it is keyed-hashed again
   * by {@link PersonalData#personal} (JSON field {@code clear}) and shown as {@code ****}.
   */
  PAYMENT_ACCOUNT(false, true),
  /** A delivery address hash supplied by the host; keyed-hashed again like {@link #PAYMENT_ACCOUNT}. */
  ADDRESS_HASH(false, true);

  private final boolean scoped;
  private final boolean personal;

  IdentifierType(boolean scoped, boolean personal) {
    this.scoped = scoped;
    this.personal = personal;
  }

  /** Whether identifiers of this type are only unique within a scope (an app id, a corp id). */
  public boolean scoped() {
    return scoped;
  }

  /** Whether the identifier is personal data that is hashed at rest and masked on display. */
  public boolean personal() {
    return personal;
  }
}
