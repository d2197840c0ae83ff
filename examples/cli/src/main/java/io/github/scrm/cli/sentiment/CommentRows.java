package io.github.scrm.cli.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Row;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.sentiment.StarRating;
import io.github.scrm.sentiment.triage.Comment;
import io.github.scrm.sentiment.triage.ImmutableComment;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Turns a triage input row into a {@link Comment}, reporting each bad field with its line. */
final class CommentRows {

  static final String FIELDS = "id (required), text (required), created_at (required, ISO-8601 instant such as "
      + "2026-03-01T12:00:00Z), platform, thread_id, author_id (customer id), author_handle, followers, likes, "
      + "reposts, replies (non-negative integers), brand_replied_at (ISO-8601 instant), rating (1-5), "
      + "resolved (true/false)";

  private CommentRows() {}

  /** The comment, or null when a field is bad (already reported). */
  static @Nullable Comment parse(Row row, Problems problems) {
    String id = row.text("id");
    if (id == null) {
      problems.field(row, "id", "is missing");
      return null;
    }
    if (!row.fields().has("text")) {
      problems.field(row, "text", "is missing");
      return null;
    }
    String text = row.text("text");
    Instant createdAt = instant(row, "created_at", problems, true);
    if (createdAt == null) {
      return null;
    }
    ImmutableComment.Builder b = Comment.builder().id(id).text(text == null ? "" : text).createdAt(createdAt);
    String platform = row.text("platform");
    if (platform != null) {
      b.platform(platform);
    }
    String thread = row.text("thread_id");
    if (thread != null) {
      b.threadId(thread);
    }
    String handle = row.text("author_handle");
    if (handle != null) {
      b.authorHandle(handle);
    }
    String author = row.text("author_id");
    if (author != null) {
      try {
        b.customerId(CustomerId.of(author));
      } catch (IllegalArgumentException e) {
        problems.field(row, "author_id", e.getMessage());
        return null;
      }
    }
    long[] counts = new long[4];
    String[] names = {"followers", "likes", "reposts", "replies"};
    for (int i = 0; i < names.length; i++) {
      Long v = count(row, names[i], problems);
      if (v == null) {
        return null;
      }
      counts[i] = v;
    }
    b.followers(counts[0]).likes(counts[1]).reposts(counts[2]).replies(counts[3]);
    if (row.get("brand_replied_at") != null) {
      Instant replied = instant(row, "brand_replied_at", problems, false);
      if (replied == null) {
        return null;
      }
      b.brandRepliedAt(replied);
    }
    JsonNode rating = row.get("rating");
    if (rating != null && !rating.asText().isEmpty()) {
      String r = rating.asText().trim();
      if (!r.matches("[1-5]")) {
        problems.field(row, "rating", "must be a whole number of stars from 1 to 5, but was '" + r + "'");
        return null;
      }
      b.rating(StarRating.of(Integer.parseInt(r)));
    }
    return b.build();
  }

  static boolean resolved(Row row) {
    JsonNode n = row.get("resolved");
    return n != null && (n.asBoolean(false) || n.asText().equalsIgnoreCase("true"));
  }

  private static @Nullable Long count(Row row, String field, Problems problems) {
    JsonNode n = row.get(field);
    if (n == null || n.asText().isEmpty()) {
      return 0L;
    }
    String s = n.asText().trim();
    if ((n.isIntegralNumber() && n.asLong() >= 0) || s.matches("\\d{1,18}")) {
      return n.isIntegralNumber() ? n.asLong() : Long.parseLong(s);
    }
    problems.field(row, field, "must be a non-negative integer, but was '" + TrainCommand.abbreviate(s) + "'");
    return null;
  }

  private static @Nullable Instant instant(Row row, String field, Problems problems, boolean required) {
    String s = row.text(field);
    if (s == null) {
      if (required) {
        problems.field(row, field, "is missing; expected an ISO-8601 instant such as 2026-03-01T12:00:00Z");
      }
      return null;
    }
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      problems.field(row, field, "must be an ISO-8601 instant such as 2026-03-01T12:00:00Z, but was '"
          + TrainCommand.abbreviate(s) + "'");
      return null;
    }
  }
}
