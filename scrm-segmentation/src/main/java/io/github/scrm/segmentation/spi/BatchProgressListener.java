package io.github.scrm.segmentation.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Receives the progress of a batch evaluation. Called while the batch runs, from whichever of the batch's threads
 * (the caller of {@code run()} or a worker) finished a chunk when the report interval had passed, a few times a
 * second, and once at the end from the caller's thread. Calls never overlap and {@code done} never decreases from one
 * call to the next, so an implementation needs no locking of its own if it is only called by one batch; it should
 * return quickly, as the thread calling it is evaluating profiles.
 */
@FunctionalInterface
public interface BatchProgressListener {

  /**
   * One progress report.
   *
   * @param done profiles evaluated so far
   * @param total profiles in the batch
   * @param perSecond profiles per second so far
   * @param eta estimated time to finish, empty before the rate is known
   */
  record Progress(long done, long total, double perSecond, Optional<Duration> eta) {}

  /** Reports progress. */
  void onProgress(Progress progress);

  /** A listener that ignores progress. */
  static BatchProgressListener none() {
    return p -> { };
  }
}
