package io.github.scrm.core.event;

/** The social platforms a brand is present on. */
public enum SocialPlatform {
  /** WeChat official account, channels (视频号) and moments. */
  WECHAT,
  /** WeCom. */
  WECOM,
  /** Weibo. */
  WEIBO,
  /** Douyin. */
  DOUYIN,
  /** Xiaohongshu. */
  XIAOHONGSHU,
  /** The brand's own app or community. */
  BRAND_APP
}
