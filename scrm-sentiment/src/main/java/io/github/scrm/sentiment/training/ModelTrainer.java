package io.github.scrm.sentiment.training;

import io.github.scrm.sentiment.Lexicon;
import io.github.scrm.sentiment.internal.LexiconEngine;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a {@link SentimentModel}: logistic regression fitted by stochastic gradient descent with AdaGrad step sizes
 * over a seeded shuffle, so the same data and seed give the same model. Defaults: 2^18 n-gram weights, 6 epochs,
 * learning rate 0.1, L2 1e-6, seed 1, the built-in lexicon. Training 50,000 short comments takes about a second.
 */
public final class ModelTrainer {

  private Lexicon lexicon = Lexicon.builtIn();
  private int bits = 18;
  private int epochs = 6;
  private double learningRate = 0.1;
  private double l2 = 1e-6;
  private long seed = 1;

  ModelTrainer() {}

  /** The lexicon for the lexicon features. */
  public ModelTrainer lexicon(Lexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    return this;
  }

  /** log2 of the number of n-gram weights, 12 to 24. */
  public ModelTrainer hashBits(int bits) {
    if (bits < 12 || bits > 24) {
      throw new IllegalArgumentException("hashBits must be between 12 and 24, but was " + bits);
    }
    this.bits = bits;
    return this;
  }

  /** Passes over the data, 1 to 100. */
  public ModelTrainer epochs(int epochs) {
    if (epochs < 1 || epochs > 100) {
      throw new IllegalArgumentException("epochs must be between 1 and 100, but was " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /** The base AdaGrad learning rate, above 0. */
  public ModelTrainer learningRate(double rate) {
    if (!(rate > 0 && rate <= 10)) {
      throw new IllegalArgumentException("learningRate must be in (0, 10], but was " + rate);
    }
    this.learningRate = rate;
    return this;
  }

  /** The seed of the shuffle. */
  public ModelTrainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Trains on the examples.
   *
   * @throws IllegalArgumentException when there are no examples or only one class
   */
  public SentimentModel train(List<LabelledComment> examples) {
    long negatives = examples.stream().filter(LabelledComment::negative).count();
    if (negatives == 0 || negatives == examples.size()) {
      throw new IllegalArgumentException("training needs both negative and positive examples, but had "
          + negatives + " negative of " + examples.size());
    }
    Features features = new Features(bits, new LexiconEngine(lexicon.entries(), lexicon.categories()));
    int n = examples.size();
    int[][] buckets = new int[n][];
    float[] values = new float[n];
    double[][] dense = new double[n][];
    byte[] labels = new byte[n];
    Features.Scratch s = features.scratch();
    for (int i = 0; i < n; i++) {
      features.extract(examples.get(i).text(), s);
      buckets[i] = java.util.Arrays.copyOf(s.buckets, s.count);
      values[i] = (float) s.value;
      dense[i] = s.dense.clone();
      labels[i] = (byte) (examples.get(i).negative() ? 1 : 0);
    }
    float[] w = new float[1 << bits];
    float[] g2 = new float[1 << bits];
    double[] d = new double[Features.LEXICON_FEATURES];
    double[] dg2 = new double[Features.LEXICON_FEATURES];
    double bias = 0;
    double biasG2 = 0;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int k = 0; k < n; k++) {
        int i = order[k];
        int[] b = buckets[i];
        float v = values[i];
        double z = bias;
        float sum = 0;
        for (int f : b) {
          sum += w[f];
        }
        z += sum * v;
        for (int f = 0; f < d.length; f++) {
          z += d[f] * dense[i][f];
        }
        double p = 1.0 / (1.0 + Math.exp(-z));
        double g = p - labels[i];
        for (int f : b) {
          float grad = (float) (g * v + l2 * w[f]);
          g2[f] += grad * grad;
          w[f] -= (float) (learningRate * grad / Math.sqrt(g2[f] + 1e-8));
        }
        for (int f = 0; f < d.length; f++) {
          double grad = g * dense[i][f];
          dg2[f] += grad * grad;
          d[f] -= learningRate * grad / Math.sqrt(dg2[f] + 1e-8);
        }
        biasG2 += g * g;
        bias -= learningRate * g / Math.sqrt(biasG2 + 1e-8);
      }
    }
    return new SentimentModel(lexicon, lexicon.version(), bits, bias, d, w);
  }
}
