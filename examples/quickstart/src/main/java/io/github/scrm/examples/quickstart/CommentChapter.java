package io.github.scrm.examples.quickstart;

import io.github.scrm.sentiment.triage.Comment;
import io.github.scrm.sentiment.triage.ImmutableComment;
import io.github.scrm.sentiment.triage.RankedComment;
import io.github.scrm.sentiment.triage.TriageQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Section 6: the season's recent comments through the triage queue, and the three to answer first. */
final class CommentChapter {

  private final Story story;

  CommentChapter(Story story) {
    this.story = story;
  }

  void tell() {
    story.heading("6. The comments to answer first");
    TriageQueue queue = TriageQueue.builder().clock(story.clock).customerValues(story.scrm.customerValues())
        .build();
    Instant weekAgo = Story.NOW.minus(Duration.ofDays(7));
    Instant answeredBefore = Story.NOW.minus(Duration.ofDays(2));
    int submitted = 0;
    int answered = 0;
    for (World.PostComment c : story.world.comments) {
      if (c.at().isBefore(weekAgo)) {
        continue;
      }
      ImmutableComment.Builder comment = Comment.builder().id(c.id()).text(c.text())
          .platform(c.platform().name().toLowerCase()).customerId(story.customers.get(c.author() - 1))
          .followers(c.followers()).likes(c.likes()).createdAt(c.at());
      if (c.at().isBefore(answeredBefore)) {
        comment.brandRepliedAt(c.at().plus(Duration.ofHours(3)));
        answered++;
      }
      queue.submit(comment.build());
      submitted++;
    }
    story.out.println(submitted + " comments in the last 7 days, " + answered + " already answered; "
        + queue.top(Integer.MAX_VALUE).size() + " open. Answer these first:");
    List<RankedComment> top = queue.top(3);
    for (RankedComment r : top) {
      String text = story.world.comments.stream().filter(c -> c.id().equals(r.commentId())).findFirst()
          .map(World.PostComment::text).orElse("");
      story.out.println(String.format("  #%d %s [%s, priority %.2f] \"%s\"", r.rank(), r.commentId(),
          r.severity(), r.priority(), text));
      story.out.println("     why: " + String.join("; ", r.reasons()));
    }
  }
}
