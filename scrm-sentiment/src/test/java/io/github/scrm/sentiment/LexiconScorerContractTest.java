package io.github.scrm.sentiment;

import io.github.scrm.sentiment.spi.SentimentScorer;
import io.github.scrm.sentiment.spi.SentimentScorerContract;

final class LexiconScorerContractTest extends SentimentScorerContract {
  @Override
  protected SentimentScorer scorer() {
    return Sentiment.defaultScorer();
  }
}
