package io.github.scrm.segmentation.tier;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A/B/C grading by cumulative revenue share (Pareto): customers sorted by revenue, highest first (ties by customer
 * id); a customer is A while the revenue of everyone ranked before them is below {@code aShare} of the total, B while
 * it is below {@code bShare}, else C. Customers without positive revenue are C. Exact integer arithmetic.
 */
public final class AbcGrading {

  private AbcGrading() {}

  /** Grades {@code revenue} (one currency) with the given cumulative shares, for example 70% and 90%. */
  public static Map<CustomerId, AbcGrade> byRevenueShare(Map<CustomerId, Money> revenue, Percent aShare,
      Percent bShare) {
    if (aShare.compareTo(bShare) > 0) {
      throw new IllegalArgumentException("aShare must not exceed bShare, but was " + aShare + " > " + bShare);
    }
    List<Map.Entry<CustomerId, Money>> sorted = new ArrayList<>(revenue.entrySet());
    sorted.sort(Comparator.<Map.Entry<CustomerId, Money>, Money>comparing(Map.Entry::getValue).reversed()
        .thenComparing(Map.Entry::getKey));
    BigInteger total = BigInteger.ZERO;
    for (Map.Entry<CustomerId, Money> e : sorted) {
      if (e.getValue().isPositive()) {
        total = total.add(BigInteger.valueOf(e.getValue().minorUnits()));
      }
    }
    BigInteger whole = BigInteger.valueOf(Percent.BASIS_POINTS_PER_WHOLE);
    BigInteger aLimit = total.multiply(BigInteger.valueOf(aShare.basisPoints()));
    BigInteger bLimit = total.multiply(BigInteger.valueOf(bShare.basisPoints()));
    ImmutableMap.Builder<CustomerId, AbcGrade> out = ImmutableMap.builder();
    BigInteger before = BigInteger.ZERO;
    for (Map.Entry<CustomerId, Money> e : sorted) {
      AbcGrade grade;
      if (!e.getValue().isPositive()) {
        grade = AbcGrade.C;
      } else {
        BigInteger scaled = before.multiply(whole);
        grade = scaled.compareTo(aLimit) < 0 ? AbcGrade.A : scaled.compareTo(bLimit) < 0 ? AbcGrade.B : AbcGrade.C;
        before = before.add(BigInteger.valueOf(e.getValue().minorUnits()));
      }
      out.put(e.getKey(), grade);
    }
    return out.build();
  }
}
