package io.github.scrm.sentiment.training;

import io.github.scrm.sentiment.Evidence;
import io.github.scrm.sentiment.Lexicon;
import io.github.scrm.sentiment.SentimentScore;
import io.github.scrm.sentiment.internal.LexiconEngine;
import io.github.scrm.sentiment.spi.SentimentScorer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained scorer: logistic regression over hashed character n-grams and lexicon features. Train with
 * {@link #trainer()}, save with {@link #save(OutputStream)}, load with {@link #load(InputStream)}. Thread-safe and
 * immutable.
 *
 * <p>File format, version 1 (big-endian, as {@link DataOutputStream} writes it):
 *
 * <pre>
 * 8 bytes   magic "SCRMSENT"
 * int       format version (1)
 * UTF       version of the lexicon the model was trained with (e.g. "builtin@2")
 * int       hash bits b (2^b n-gram weights)
 * int       largest n-gram order (3)
 * double    bias
 * int       number of dense lexicon features k, then k doubles (their weights)
 * 2^b float n-gram weights
 * long      CRC-32 of every byte before it
 * </pre>
 *
 * <h2>Loading with another version of the lexicon</h2>
 *
 * <p>The weights index two things that the library's code defines, not the lexicon: 2^b hashed character n-grams of
 * the normalised text (the lexicon plays no part in them) and three dense lexicon features (squashed complaint sum,
 * praise sum and their difference). A new version of a lexicon adds, removes or
 * reweighs terms; it changes the values of the lexicon features for the comments that contain those terms, but it
 * cannot add, remove or reorder a feature. So {@link #load(InputStream, Lexicon)} accepts a lexicon that comes from the
 * same sources, in the same order, as the one the model was trained with, whatever their versions: a model trained with
 * {@code builtin@1} loads with {@code builtin@2}, and {@code builtin@1+shop.tsv@3} with {@code builtin@2+shop.tsv@4}.
 * Comments without a changed term score exactly as before; the others score with the new lexicon's sums. The loaded
 * model reports both versions ({@link #trainedLexiconVersion()}, {@link #lexicon()}, {@link #toString()}) and saves the
 * version it was trained with.
 *
 * <p>{@code load} refuses, naming both versions:
 *
 * <ul>
 *   <li>a lexicon from other sources ({@code shop.tsv@3} against {@code builtin@2}, or {@code builtin@1} against
 *       {@code builtin@2+shop.tsv@3}): the lexicon-feature weights were fitted to the sums of other terms and
 *       weights, so they would mean something else;
 *   <li>a file whose lexicon features or n-grams are laid out differently from this library's (another count of
 *       lexicon features, n-gram order or format version): the weights would index the wrong features.
 * </ul>
 */
public final class SentimentModel implements SentimentScorer {

  private static final Logger LOG = LoggerFactory.getLogger(SentimentModel.class);
  static final byte[] MAGIC = "SCRMSENT".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 1;
  /** Evidence term for the n-gram part of the margin (with the bias). */
  public static final String NGRAMS = "model: character n-grams";
  /** Evidence term for the lexicon-feature part of the margin. */
  public static final String LEXICON = "model: lexicon features";

  private final Lexicon lexicon;
  private final String trainedLexiconVersion;
  private final int bits;
  private final double bias;
  private final double[] dense;
  private final float[] weights;
  private final Features features;

  SentimentModel(Lexicon lexicon, String trainedLexiconVersion, int bits, double bias, double[] dense,
      float[] weights) {
    this.lexicon = lexicon;
    this.trainedLexiconVersion = trainedLexiconVersion;
    this.bits = bits;
    this.bias = bias;
    this.dense = dense.clone();
    this.weights = weights;
    this.features = new Features(bits, new LexiconEngine(lexicon.entries(), lexicon.categories()));
  }

  /** A trainer with the documented defaults. */
  public static ModelTrainer trainer() {
    return new ModelTrainer();
  }

  @Override
  public SentimentScore score(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return SentimentScore.neutral();
    }
    try {
      Features.Scratch s = features.scratch();
      features.extract(text, s);
      double z = margin(s);
      double p = 1.0 / (1.0 + Math.exp(-z));
      double lexical = 0;
      for (int i = 0; i < dense.length; i++) {
        lexical += dense[i] * s.dense[i];
      }
      // two pieces of evidence: what the character n-grams and what the lexicon features contributed
      List<Evidence> evidence = List.of(new Evidence(NGRAMS, z - lexical, Set.of()),
          new Evidence(LEXICON, lexical, Set.of()));
      return SentimentScore.of(Double.isNaN(p) ? 0.5 : p, evidence, Set.of());
    } catch (RuntimeException e) {
      return SentimentScore.neutral(); // the SPI promises never to throw
    }
  }

  double margin(Features.Scratch s) {
    double z = bias;
    float sum = 0;
    int[] b = s.buckets;
    for (int i = 0; i < s.count; i++) {
      sum += weights[b[i]];
    }
    z += sum * s.value;
    for (int i = 0; i < dense.length; i++) {
      z += dense[i] * s.dense[i];
    }
    return z;
  }

  /**
   * The lexicon the lexicon features come from when scoring. After {@link #load(InputStream, Lexicon)} this is the
   * lexicon passed in, whose version may differ from {@link #trainedLexiconVersion()}.
   */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * The version of the lexicon the model was trained with, e.g. {@code builtin@1}; the one {@link #save} writes.
   * Differs from {@code lexicon().version()} when the model was loaded with another version of the same lexicon.
   */
  public String trainedLexiconVersion() {
    return trainedLexiconVersion;
  }

  /**
   * Writes the model in format version 1, with {@link #trainedLexiconVersion()} as its lexicon version. The stream is
   * flushed, not closed.
   */
  public void save(OutputStream out) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), new CRC32());
    DataOutputStream data = new DataOutputStream(checked);
    data.write(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeUTF(trainedLexiconVersion);
    data.writeInt(bits);
    data.writeInt(Features.MAX_ORDER);
    data.writeDouble(bias);
    data.writeInt(dense.length);
    for (double d : dense) {
      data.writeDouble(d);
    }
    for (float w : weights) {
      data.writeFloat(w);
    }
    data.flush();
    long crc = checked.getChecksum().getValue();
    data.writeLong(crc);
    data.flush();
  }

  /**
   * Reads a model saved by {@link #save} whose lexicon features came from the built-in lexicon, of this or an earlier
   * version.
   */
  public static SentimentModel load(InputStream in) throws IOException {
    return load(in, Lexicon.builtIn());
  }

  /**
   * Reads a model saved by {@link #save}.
   *
   * @param lexicon the lexicon to score with: the one the model was trained with, or another version of it (same
   *     sources in the same order, see the class documentation)
   * @throws IOException when the stream fails, the file is not a valid model, or the lexicon is not compatible with
   *     the file's (the message says what is wrong and names both lexicon versions where they matter)
   */
  public static SentimentModel load(InputStream in, Lexicon lexicon) throws IOException {
    CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(in, 1 << 16), new CRC32());
    DataInputStream data = new DataInputStream(checked);
    try {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException("not a sentiment model: the file must start with SCRMSENT");
      }
      int version = data.readInt();
      if (version != FORMAT_VERSION) {
        throw new IOException("model format version must be " + FORMAT_VERSION
            + " (the only one this library reads), but was " + version);
      }
      String trained = data.readUTF();
      int bits = data.readInt();
      if (bits < 8 || bits > 26) {
        throw new IOException("hash bits must be between 8 and 26, but was " + bits);
      }
      int order = data.readInt();
      if (order != Features.MAX_ORDER) {
        throw new IOException("n-gram order must be " + Features.MAX_ORDER + ", but was " + order);
      }
      double bias = data.readDouble();
      int k = data.readInt();
      if (k != Features.LEXICON_FEATURES) {
        throw new IOException("lexicon features must be " + Features.LEXICON_FEATURES + ", but were " + k
            + ": the model's lexicon features (trained with lexicon " + trained + ") are laid out differently from "
            + "this library's, so it cannot be scored with lexicon " + lexicon.version() + "; retrain it");
      }
      double[] dense = new double[k];
      for (int i = 0; i < k; i++) {
        dense[i] = data.readDouble();
      }
      float[] weights = new float[1 << bits];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = data.readFloat();
      }
      long expected = checked.getChecksum().getValue();
      long stored = data.readLong();
      if (stored != expected) {
        throw new IOException("model file is corrupt: checksum mismatch");
      }
      // after the checksum, so that a damaged lexicon version is reported as damage, not as another lexicon
      Optional<String> refusal = LexiconCompatibility.refusal(trained, lexicon.version());
      if (refusal.isPresent()) {
        throw new IOException(refusal.get());
      }
      if (!trained.equals(lexicon.version())) {
        LOG.debug("loading a model trained with lexicon {} with lexicon {}: same sources, same feature layout",
            trained, lexicon.version());
      }
      return new SentimentModel(lexicon, trained, bits, bias, dense, weights);
    } catch (EOFException e) {
      throw new IOException("model file is truncated", e);
    }
  }

  @Override
  public String toString() {
    String trained = trainedLexiconVersion.equals(lexicon.version()) ? ""
        : " (trained with " + trainedLexiconVersion + ")";
    return "SentimentModel[2^" + bits + " n-gram weights, lexicon " + lexicon.version() + trained + "]";
  }
}
