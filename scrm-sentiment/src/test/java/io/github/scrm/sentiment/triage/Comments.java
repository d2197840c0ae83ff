package io.github.scrm.sentiment.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.sentiment.StarRating;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: comments that read like prose, and the hand-written triage set. */
final class Comments {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private Comments() {}

  /** A comment without a creation time; set one or use {@link #aRecentComment}. */
  static ImmutableComment.Builder aComment(String id, String text) {
    return Comment.builder().id(id).text(text).platform("weibo");
  }

  /** A comment posted ten minutes before {@link #NOW}. */
  static ImmutableComment.Builder aRecentComment(String id, String text) {
    return aComment(id, text).createdAt(NOW.minus(Duration.ofMinutes(10)));
  }

  static ImmutableComment.Builder aComplaintBy(String id, String handle, String thread, String text, Instant at) {
    return Comment.builder().id(id).text(text).platform("weibo").threadId(thread).authorHandle(handle).createdAt(at);
  }

  /** A comment of the triage set with the severity a person gave it. */
  record Labelled(Comment comment, String expectedSeverity) {}

  static List<Labelled> triageSet() {
    ObjectMapper json = new ObjectMapper();
    List<Labelled> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Comments.class.getResourceAsStream("triage-set.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = json.readTree(line);
        ImmutableComment.Builder b = Comment.builder().id(n.get("id").asText()).text(n.get("text").asText())
            .platform(n.get("platform").asText()).threadId(n.get("thread_id").asText())
            .authorHandle(n.get("author_handle").asText()).followers(n.get("followers").asLong())
            .likes(n.get("likes").asLong()).reposts(n.get("reposts").asLong()).replies(n.get("replies").asLong())
            .createdAt(Instant.parse(n.get("created_at").asText()));
        if (n.has("author_id")) {
          b.customerId(CustomerId.of(n.get("author_id").asText()));
        }
        if (n.has("rating")) {
          b.rating(StarRating.of(n.get("rating").asInt()));
        }
        out.add(new Labelled(b.build(), n.get("expected_severity").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
