package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.privacy.ErasureRecord;
import java.util.List;

/**
 * Where the records of PIPL erasures are kept: which customer was erased, when, and how much was removed. A record
 * holds counts, never personal data, so it may outlive the data it accounts for; a host whose profiles and events
 * outlive the process keeps these beside them, so that the accountability record survives a restart.
 *
 * <p>Erasures are recorded under the engine's exclusive lock, but the listing methods may be called from any thread.
 * Implementations must be thread-safe; a broken backend throws {@link io.github.scrm.core.ScrmException}.
 * {@link #inMemory()} is the default.
 */
public interface ErasureStore {

  /** Records {@code record}, after the erasure it describes is done. */
  void record(ErasureRecord record);

  /** Every erasure recorded, oldest first. */
  List<ErasureRecord> all();

  /**
   * The erasures of {@code customer}, oldest first. A customer erased and later known again by new identifiers can be
   * erased again, so there may be several.
   */
  List<ErasureRecord> of(CustomerId customer);

  /** A thread-safe store in memory. */
  static ErasureStore inMemory() {
    return new InMemoryErasureStore();
  }
}
