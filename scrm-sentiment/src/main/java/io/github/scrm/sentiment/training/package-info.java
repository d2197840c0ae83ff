/**
 * Trainable scorers: a host trains a {@link io.github.scrm.sentiment.training.SentimentModel} on its own labelled
 * comments (logistic regression over hashed character n-grams plus lexicon features), saves it in a documented,
 * versioned file format and loads it back as a {@link io.github.scrm.sentiment.spi.SentimentScorer}.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.sentiment.training;
