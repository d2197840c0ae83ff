package io.github.scrm.sentiment.training;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/** Model files written field by field from the documented format, independently of {@link SentimentModel#save}. */
final class ModelFiles {
  private ModelFiles() {}

  /** A format-1 file with all n-gram weights zero. */
  static byte[] formatOne(String lexiconVersion, int bits, double bias, double... dense) {
    return file(1, lexiconVersion, bits, Features.MAX_ORDER, bias, dense);
  }

  static byte[] file(int format, String lexiconVersion, int bits, int order, double bias, double... dense) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CheckedOutputStream checked = new CheckedOutputStream(bytes, new CRC32());
      DataOutputStream data = new DataOutputStream(checked);
      data.write(SentimentModel.MAGIC);
      data.writeInt(format);
      data.writeUTF(lexiconVersion);
      data.writeInt(bits);
      data.writeInt(order);
      data.writeDouble(bias);
      data.writeInt(dense.length);
      for (double d : dense) {
        data.writeDouble(d);
      }
      for (int i = 0; i < 1 << bits; i++) {
        data.writeFloat(0f);
      }
      data.flush();
      data.writeLong(checked.getChecksum().getValue());
      data.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
