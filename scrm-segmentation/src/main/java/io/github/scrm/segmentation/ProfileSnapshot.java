package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import java.util.Collection;
import java.util.List;

/**
 * One profile's attribute values in the compiled layout of one rule set: what the evaluator reads. Build it once with
 * {@link CompiledRuleSet#snapshot}, then {@link #update} the attributes that change. Not thread-safe.
 */
public final class ProfileSnapshot {

  final CompiledRuleSet owner;
  final long[] cells;
  final int[][] sets;
  Collection<String> extraTags;

  ProfileSnapshot(CompiledRuleSet owner, AttributeValues values, Collection<String> extraTags) {
    this.owner = owner;
    this.extraTags = List.copyOf(extraTags);
    this.cells = new long[Math.max(owner.layout().cellCount(), 1)];
    this.sets = new int[Math.max(owner.layout().setCount(), 1)][];
    owner.layout().load(values, this.extraTags, cells, 0, 1, sets);
  }

  /** Reloads the given attributes from {@code values}; returns whether anything the rules read changed. */
  public boolean update(AttributeValues values, Collection<? extends AttributeKey<?>> changed) {
    boolean any = false;
    for (AttributeKey<?> key : changed) {
      any |= owner.layout().reload(key.name(), values, extraTags, cells, 0, 1, sets);
    }
    return any;
  }

  /** Replaces the manual and imported tags that {@code hasTag} sees besides {@code profile.tags}. */
  public void extraTags(AttributeValues values, Collection<String> tags) {
    this.extraTags = List.copyOf(tags);
    owner.layout().reload(io.github.scrm.core.attribute.StandardAttributes.TAGS.name(), values, extraTags, cells, 0,
        1, sets);
  }
}
