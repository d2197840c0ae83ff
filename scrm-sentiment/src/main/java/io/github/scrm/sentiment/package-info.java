/**
 * Comment sentiment for social CRM: {@link io.github.scrm.sentiment.Sentiment} is the entry point. It scores a
 * comment's negativity with evidence ({@link io.github.scrm.sentiment.SentimentScore}), finds the issue categories it
 * complains about and its severity ({@link io.github.scrm.sentiment.CommentAnalyzer}), all driven by a versioned,
 * host-extensible {@link io.github.scrm.sentiment.Lexicon}. The priority queue lives in
 * {@code io.github.scrm.sentiment.triage}, the trainable scorer in {@code io.github.scrm.sentiment.training}.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.sentiment;
