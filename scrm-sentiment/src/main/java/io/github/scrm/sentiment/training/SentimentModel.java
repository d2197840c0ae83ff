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
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;

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
 * UTF       lexicon version the lexicon features came from (e.g. "builtin@1")
 * int       hash bits b (2^b n-gram weights)
 * int       largest n-gram order (3)
 * double    bias
 * int       number of dense lexicon features k, then k doubles (their weights)
 * 2^b float n-gram weights
 * long      CRC-32 of every byte before it
 * </pre>
 */
public final class SentimentModel implements SentimentScorer {

  static final byte[] MAGIC = "SCRMSENT".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 1;
  /** Evidence term for the n-gram part of the margin (with the bias). */
  public static final String NGRAMS = "model: character n-grams";
  /** Evidence term for the lexicon-feature part of the margin. */
  public static final String LEXICON = "model: lexicon features";

  private final Lexicon lexicon;
  private final int bits;
  private final double bias;
  private final double[] dense;
  private final float[] weights;
  private final Features features;

  SentimentModel(Lexicon lexicon, int bits, double bias, double[] dense, float[] weights) {
    this.lexicon = lexicon;
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

  /** The lexicon the lexicon features come from. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /** Writes the model in format version 1. The stream is flushed, not closed. */
  public void save(OutputStream out) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), new CRC32());
    DataOutputStream data = new DataOutputStream(checked);
    data.write(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeUTF(lexicon.version());
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

  /** Reads a model saved by {@link #save}, whose lexicon features came from the built-in lexicon. */
  public static SentimentModel load(InputStream in) throws IOException {
    return load(in, Lexicon.builtIn());
  }

  /**
   * Reads a model saved by {@link #save}.
   *
   * @param lexicon the lexicon the model was trained with; its version must match the file's
   * @throws IOException when the stream fails or the file is not a valid model (the message says what is wrong)
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
        throw new IOException("model format version must be " + FORMAT_VERSION + ", but was " + version);
      }
      String lexiconVersion = data.readUTF();
      if (!lexiconVersion.equals(lexicon.version())) {
        throw new IOException("model was trained with lexicon " + lexiconVersion + " but " + lexicon.version()
            + " was given: load it with the same lexicon");
      }
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
        throw new IOException("lexicon features must be " + Features.LEXICON_FEATURES + ", but were " + k);
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
      return new SentimentModel(lexicon, bits, bias, dense, weights);
    } catch (EOFException e) {
      throw new IOException("model file is truncated", e);
    }
  }

  @Override
  public String toString() {
    return "SentimentModel[2^" + bits + " n-gram weights, lexicon " + lexicon.version() + "]";
  }
}
