package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a rule set says about one profile as of one instant.
 *
 * @param tags the matched tag rules, highest priority first
 * @param segments the matched segment rules, highest priority first
 * @param asOf the evaluation instant
 * @param nextChange the next instant at which time alone could change a result; empty when none can
 */
public record TagResult(List<TagMatch> tags, List<TagMatch> segments, Instant asOf, Optional<Instant> nextChange) {

  /** Copies the lists. */
  public TagResult {
    tags = ImmutableList.copyOf(tags);
    segments = ImmutableList.copyOf(segments);
  }

  /** The matched tag names. */
  public List<String> tagNames() {
    return tags.stream().map(TagMatch::tag).toList();
  }

  /** Whether {@code tagOrSegment} matched. */
  public boolean has(String tagOrSegment) {
    return tags.stream().anyMatch(t -> t.tag().equals(tagOrSegment))
        || segments.stream().anyMatch(t -> t.tag().equals(tagOrSegment));
  }
}
