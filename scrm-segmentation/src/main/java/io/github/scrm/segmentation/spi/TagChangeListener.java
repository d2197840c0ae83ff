package io.github.scrm.segmentation.spi;

import io.github.scrm.segmentation.TagChange;

/**
 * Receives every change of the tags on a profile (added, removed, expired) with its reason. Called synchronously by
 * the thread that made the change, after the change is recorded; must be thread-safe and should return quickly (hand
 * work to a queue). An exception thrown here is logged and does not undo the change.
 *
 * <p>The changes of one customer arrive in the order they were made: the book holds that customer's lock while it
 * calls the listener, so a change to the same customer from another thread waits until the listener returns. A
 * listener must therefore never wait for another thread that changes tags in the same book.
 */
@FunctionalInterface
public interface TagChangeListener {

  /** One change. */
  void onChange(TagChange change);

  /** A listener that ignores changes. */
  static TagChangeListener none() {
    return c -> { };
  }
}
