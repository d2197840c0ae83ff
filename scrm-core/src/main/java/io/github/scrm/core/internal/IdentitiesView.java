package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.Identities;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.identity.UnmergeOutcome;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link Identities} over an {@link Engine}. */
public final class IdentitiesView implements Identities {

  private final Engine engine;

  /** A view of {@code engine}. */
  public IdentitiesView(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<CustomerId> resolve(Identifier identifier) {
    return engine.context.index().find(identifier);
  }

  @Override
  public CustomerId current(CustomerId customer) {
    return engine.ledger.current(customer);
  }

  @Override
  public Set<CustomerId> mergedInto(CustomerId survivor) {
    Set<CustomerId> tree = engine.ledger.mergeTree(survivor);
    tree.remove(survivor);
    return Set.copyOf(tree);
  }

  @Override
  public List<MergeRecord> mergesOf(CustomerId customer) {
    return engine.ledger.involving(customer);
  }

  @Override
  public List<IdentityConflict> conflicts() {
    return engine.ledger.conflicts();
  }

  @Override
  public UnmergeOutcome unmerge(CustomerId absorbed) {
    engine.lock.writeLock().lock();
    try {
      return engine.merging().unmerge(absorbed);
    } finally {
      engine.lock.writeLock().unlock();
    }
  }
}
