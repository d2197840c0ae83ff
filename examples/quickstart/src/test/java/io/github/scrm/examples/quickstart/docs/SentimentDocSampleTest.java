package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.CustomerValue;
import io.github.scrm.core.spi.CustomerValueLookup;
import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.CommentAnalyzer;
import io.github.scrm.sentiment.Lexicon;
import io.github.scrm.sentiment.Polarity;
import io.github.scrm.sentiment.Sentiment;
import io.github.scrm.sentiment.SentimentScore;
import io.github.scrm.sentiment.Severity;
import io.github.scrm.sentiment.spi.SentimentScorer;
import io.github.scrm.sentiment.triage.Comment;
import io.github.scrm.sentiment.triage.RankedComment;
import io.github.scrm.sentiment.triage.TriageQueue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/sentiment.md. */
final class SentimentDocSampleTest {

  @Test
  void block1_scoresAnalysesAndTriagesComments() {
    Instant t = Instant.parse("2026-03-08T02:00:00Z");
    Clock clock = Clock.fixed(t.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
    CustomerValueLookup customerValueLookup =
        customer -> Optional.of(new CustomerValue(Money.fen(5_000_00), 12, "GOLD"));
    Instant from = t.minus(Duration.ofDays(1));
    Instant to = t.plus(Duration.ofDays(1));
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // docs/sentiment.md#1:start
      SentimentScorer scorer = Sentiment.defaultScorer();            // lexicon + rules, no training
      SentimentScore s = scorer.score("好吃，就是送得太慢");             // polarity, negativeScore in [0,1], evidence

      CommentAnalyzer analyzer = Sentiment.analyzer().build();        // + issue categories and severity
      CommentAnalysis a = analyzer.analyze("吃完拉肚子，我要打12315");   // critical: Health, injury or allergy (拉肚子); ...

      TriageQueue queue = TriageQueue.builder()
          .clock(clock)                                               // required: time is always injected
          .customerValues(customerValueLookup)                        // from scrm-core; none by default
          .build();
      queue.submit(Comment.builder().id("c1").text("饭里吃出苍蝇").followers(3200).createdAt(t).build());
      for (RankedComment r : queue.top(3)) {
        System.out.println(r.rank() + " " + r.commentId() + " " + r.reasons());
      }
      queue.markReplied("c1", clock.instant());
      queue.pollEscalations();                                        // SLA breaches, cluster alerts
      queue.summary(from, to);                                        // top issue categories with counts and trend
      // docs/sentiment.md#1:end

      assertThat(s.negativeScore()).isBetween(0.0, 1.0);
      assertThat(s.polarity()).isEqualTo(Polarity.NEGATIVE);
      assertThat(s.evidence()).isNotEmpty();
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.severityReason()).contains("拉肚子");
      assertThat(queue.summary(from, to)).isNotEmpty();
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("1 c1 [");
  }

  @Test
  void block2_layersAHostLexiconOnTheBuiltInOne() throws IOException, URISyntaxException {
    Path path = Path.of(SentimentDocSampleTest.class.getResource("shop.tsv").toURI());

    // docs/sentiment.md#2:start
    Lexicon mine = Lexicon.parse(Files.newBufferedReader(path), "shop.tsv");
    Lexicon lexicon = Lexicon.builtIn().extendedWith(mine);      // version "builtin@2+shop.tsv@3"
    SentimentScorer scorer = Sentiment.lexiconScorer(lexicon);
    CommentAnalyzer analyzer = Sentiment.analyzer().lexicon(lexicon).build();
    // docs/sentiment.md#2:end

    assertThat(lexicon.version()).isEqualTo("builtin@2+shop.tsv@3");
    assertThat(scorer.score("冰淇淋全化冻了").evidence()).anySatisfy(e -> assertThat(e.toString()).contains("化冻"));
    assertThat(analyzer.analyze("冰淇淋全化冻了").categoryIds()).contains("cold_chain");
  }
}
