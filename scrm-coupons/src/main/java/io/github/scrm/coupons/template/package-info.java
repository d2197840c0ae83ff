/** Coupon templates: benefits exact in fen (满减, 每满减, 阶梯, 折扣, 无门槛, 包邮), scope, validity, usage windows and stacking. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.template;
