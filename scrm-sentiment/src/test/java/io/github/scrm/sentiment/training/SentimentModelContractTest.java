package io.github.scrm.sentiment.training;

import io.github.scrm.sentiment.spi.SentimentScorer;
import io.github.scrm.sentiment.spi.SentimentScorerContract;

final class SentimentModelContractTest extends SentimentScorerContract {
  private static final SentimentModel MODEL = SentimentModel.trainer().hashBits(14).train(TrainingFixtures.examples(5));

  @Override
  protected SentimentScorer scorer() {
    return MODEL;
  }
}
