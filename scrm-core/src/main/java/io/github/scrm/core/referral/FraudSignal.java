package io.github.scrm.core.referral;

/** The kinds of fraud that screening detects. */
public enum FraudSignal {
  /**
   * Referrer and referee (or poster owner and supporter) are one person or share an identifier: phone, unionid,
   * device, payment account, address.
   */
  SELF_REFERRAL,
  /** The referee is upstream of the referrer (A refers B, B refers A). */
  CYCLE,
  /** The referrer qualified more referrals within an hour than the programme allows. */
  VELOCITY,
  /** Several supporters of one poster came from the same device. */
  DEVICE_CLUSTER,
  /** Several supporters of one poster came from the same network. */
  NETWORK_CLUSTER,
  /** A supporter of the poster tried to support many posters. */
  SERIAL_SUPPORTER
}
