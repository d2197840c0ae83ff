package io.github.scrm.core.referral;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Event counters per programme or campaign; rewards and their cost come from the ledger. */
final class Analytics {
  private final Map<String, Counters> byId = new ConcurrentHashMap<>();

  static final class Counters {
    final LongAdder invites = new LongAdder();
    final LongAdder scans = new LongAdder();
    final LongAdder supports = new LongAdder();
    final LongAdder attributed = new LongAdder();
    final LongAdder qualified = new LongAdder();
    final LongAdder flagged = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder reversed = new LongAdder();
  }

  Counters counters(String id) {
    return byId.computeIfAbsent(id, k -> new Counters());
  }
}
