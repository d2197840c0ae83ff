package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.code.CouponCode;
import java.util.Objects;
import java.util.Optional;

/** Whether one coupon can be used on an order, and what it would give. */
public sealed interface Verdict {

  /** The code as given by the caller. */
  String code();

  /** Usable: alone on this order it gives {@code discount}. */
  record Usable(String code, String templateName, Money discount) implements Verdict {
    /** Null checks. */
    public Usable {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(templateName, "templateName");
      Objects.requireNonNull(discount, "discount");
    }

    /** The code masked: codes are bearer secrets. */
    @Override
    public String toString() {
      return "Usable[code=" + CouponCode.mask(code) + ", templateName=" + templateName + ", discount=" + discount + "]";
    }
  }

  /**
   * Not usable for {@code reason}; {@code missing} is the amount still to spend for {@link Rejection#BELOW_THRESHOLD},
   * and {@code message} a sentence for the customer such as "还差¥12.50".
   */
  record Unusable(String code, Rejection reason, Optional<Money> missing, String message) implements Verdict {
    /** Null checks. */
    public Unusable {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(missing, "missing");
      Objects.requireNonNull(message, "message");
    }

    /** The code masked: codes are bearer secrets. */
    @Override
    public String toString() {
      return "Unusable[code=" + CouponCode.mask(code) + ", reason=" + reason + ", missing=" + missing + ", message="
          + message + "]";
    }
  }
}
