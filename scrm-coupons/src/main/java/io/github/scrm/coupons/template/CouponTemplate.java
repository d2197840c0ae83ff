package io.github.scrm.coupons.template;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a coupon is: its {@link Benefit}, {@link Scope}, {@link Validity}, optional {@link UsageWindow} and
 * {@link Stacking}. Built with {@link #builder()}; a template with bad values is refused with an
 * {@link InvalidTemplateException} that lists every problem.
 *
 * <pre>{@code
 * CouponTemplate t = CouponTemplate.builder()
 *     .id("mj-300-50").name("满300减50")
 *     .benefit(Benefit.threshold(300_00, 50_00))
 *     .validity(new Validity.DaysAfterIssue(7))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ScrmStyle
public abstract class CouponTemplate {

  /** A new builder. */
  public static ImmutableCouponTemplate.Builder builder() {
    return ImmutableCouponTemplate.builder();
  }

  /** The template id, unique per host. */
  public abstract String id();

  /** The name shown to customers, such as "满300减50". */
  public abstract String name();

  /** What the coupon gives. */
  public abstract Benefit benefit();

  /** Which orders and lines it covers; the whole order by default. */
  @Value.Default
  public Scope scope() {
    return Scope.wholeOrder();
  }

  /** Which amount the threshold counts; after other discounts by default. */
  @Value.Default
  public ThresholdBase thresholdBase() {
    return ThresholdBase.AFTER_DISCOUNTS;
  }

  /** When an issued coupon is usable. */
  public abstract Validity validity();

  /** Optional weekday and hour-of-day restriction. */
  public abstract Optional<UsageWindow> usageWindow();

  /** How it combines with other coupons; by default a combinable shop coupon in a group of its own. */
  @Value.Default
  public Stacking stacking() {
    return Stacking.shop(id());
  }

  /** Whether the holder may give the coupon to another customer, once. */
  @Value.Default
  public boolean transferable() {
    return false;
  }

  /** The currency of every amount; CNY by default. */
  @Value.Default
  public Currency currency() {
    return Money.CNY;
  }

  /** Every problem with the values; empty for a valid template. */
  public final List<String> problems() {
    List<String> p = new ArrayList<>();
    if (id().isBlank()) {
      p.add("id must not be blank");
    }
    if (name().isBlank()) {
      p.add("name must not be blank");
    }
    p.addAll(benefit().problems(currency()));
    p.addAll(scope().problems());
    p.addAll(validity().problems());
    usageWindow().ifPresent(w -> p.addAll(w.problems()));
    if (stacking().group().isBlank()) {
      p.add("stacking group must not be blank");
    }
    return p;
  }

  @Value.Check
  final void check() {
    List<String> p = problems();
    if (!p.isEmpty()) {
      throw new InvalidTemplateException(id(), p);
    }
  }
}
