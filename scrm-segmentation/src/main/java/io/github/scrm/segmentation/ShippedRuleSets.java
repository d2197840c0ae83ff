package io.github.scrm.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Rule sets shipped with the library, as JSON documents hosts start from and adapt (thresholds, names). See
 * {@code docs/segmentation.md} for what each rule means.
 */
public final class ShippedRuleSets {

  private ShippedRuleSets() {}

  /**
   * The retail seed set: socially active consumer, content sharer, potential referrer, price-sensitive social user,
   * key opinion customer, A/B/C grade by 365-day spend, the eight RFM classes (重要价值 … 一般挽留), lapsed, VIP at
   * risk, new member and birthday this month.
   */
  public static String retailSeed() {
    return resource("rulesets/retail-seed.json");
  }

  private static String resource(String name) {
    try (InputStream in = ShippedRuleSets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar is missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
