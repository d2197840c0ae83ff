package io.github.scrm.core.referral.influence;

import java.util.Objects;

/** Which customers a top-N query ranks. */
public sealed interface InfluenceScope {

  /** Everyone in the graph. */
  static InfluenceScope all() {
    return new All();
  }

  /** Customers registered with {@code store} through {@link InfluenceGraph.Builder#customer}. */
  static InfluenceScope store(String store) {
    return new Store(store);
  }

  /** Customers who are the source of at least one edge tagged with {@code campaign}. */
  static InfluenceScope campaign(String campaign) {
    return new Campaign(campaign);
  }

  /** See {@link #all()}. */
  record All() implements InfluenceScope {}

  /** See {@link #store(String)}. @param store the store id */
  record Store(String store) implements InfluenceScope {
    /** Validates. */
    public Store {
      Objects.requireNonNull(store, "store");
    }
  }

  /** See {@link #campaign(String)}. @param campaign the campaign or programme id */
  record Campaign(String campaign) implements InfluenceScope {
    /** Validates. */
    public Campaign {
      Objects.requireNonNull(campaign, "campaign");
    }
  }
}
