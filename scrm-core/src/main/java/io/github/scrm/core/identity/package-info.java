/**
 * Typed, scoped channel identifiers (WeChat openid and unionid, WeCom external_userid, Douyin, Weibo, Xiaohongshu,
 * phone, email, member number, ERP id, device id) and their resolution to one customer.
 */
@NullMarked
package io.github.scrm.core.identity;

import org.jspecify.annotations.NullMarked;
