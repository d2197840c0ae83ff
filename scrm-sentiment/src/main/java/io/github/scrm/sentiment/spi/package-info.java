/** What a host may implement: its own {@link io.github.scrm.sentiment.spi.SentimentScorer}. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.sentiment.spi;
