package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.Map;

/**
 * The outcome of a batch evaluation.
 *
 * @param evaluated profiles evaluated (fewer than the table's size when cancelled)
 * @param cancelled whether the batch was cancelled before finishing
 * @param sizes per tag or segment, how many evaluated profiles have it
 * @param gained per tag or segment, how many profiles have it now but did not after the previous batch
 * @param lost per tag or segment, how many profiles had it after the previous batch but not now
 * @param elapsed wall time of the batch
 */
public record BatchResult(long evaluated, boolean cancelled, Map<String, Long> sizes, Map<String, Long> gained,
    Map<String, Long> lost, Duration elapsed) {

  /** Copies the maps. */
  public BatchResult {
    sizes = ImmutableMap.copyOf(sizes);
    gained = ImmutableMap.copyOf(gained);
    lost = ImmutableMap.copyOf(lost);
  }
}
