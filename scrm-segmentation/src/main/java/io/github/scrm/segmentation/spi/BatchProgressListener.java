package io.github.scrm.segmentation.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Receives the progress of a batch evaluation. Called from the thread that runs the batch, a few times a second and
 * once at the end; implementations should return quickly.
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
