package io.github.scrm.core.consent;

/** The channels a brand can reach a customer on. */
public enum ContactChannel {
  /** Text message to the phone. */
  SMS,
  /** Phone call. */
  PHONE_CALL,
  /** WeChat official-account or mini-program message. */
  WECHAT,
  /** WeCom (enterprise WeChat) message from a staff member or an enterprise bulk message. */
  WECOM,
  /** Douyin direct message. */
  DOUYIN,
  /** Weibo direct message. */
  WEIBO,
  /** Xiaohongshu direct message. */
  XIAOHONGSHU,
  /** Email. */
  EMAIL,
  /** Push notification of the brand's app. */
  APP_PUSH
}
