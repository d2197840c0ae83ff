package io.github.scrm.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.sentiment.Lexicon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

final class SentimentModelTest {

  private static final SentimentModel MODEL = SentimentModel.trainer().hashBits(14).train(TrainingFixtures.examples(5));

  @Test
  void train_separatesTheTrainingComments() {
    for (String text : TrainingFixtures.NEGATIVE) {
      assertThat(MODEL.score(text).negativeScore()).as(text).isGreaterThan(0.5);
    }
    for (String text : TrainingFixtures.POSITIVE) {
      assertThat(MODEL.score(text).negativeScore()).as(text).isLessThan(0.5);
    }
  }

  @Test
  void score_explainsTheMarginByNgramsAndLexicon() {
    var score = MODEL.score("太难吃了");
    assertThat(score.evidence()).extracting(e -> e.term())
        .containsExactly(SentimentModel.NGRAMS, SentimentModel.LEXICON);
    double margin = score.evidence().get(0).weight() + score.evidence().get(1).weight();
    assertThat(1 / (1 + Math.exp(-margin))).isCloseTo(score.negativeScore(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void train_isDeterministicForASeed() {
    SentimentModel again = SentimentModel.trainer().hashBits(14).train(TrainingFixtures.examples(5));
    assertThat(again.score("有点咸但还行").negativeScore()).isEqualTo(MODEL.score("有点咸但还行").negativeScore());
  }

  @Test
  void train_withOneClass_isRejected() {
    assertThatThrownBy(() -> SentimentModel.trainer().train(List.of(LabelledComment.ofLabel("好吃", 1))))
        .hasMessageContaining("training needs both negative and positive examples, but had 0 negative of 1");
    assertThatThrownBy(() -> LabelledComment.ofLabel("好吃", 2))
        .hasMessage("label must be 0 (negative) or 1 (positive), but was 2");
  }

  @Test
  void labelledCommentToString_textWithAPhoneNumber_isRedacted() {
    LabelledComment example = LabelledComment.ofLabel("快递员王小明 13812345678 态度很差", 0);
    assertThat(example.toString()).doesNotContain("13812345678").doesNotContain("王小明")
        .contains("negative=true");
  }

  @Test
  void saveAndLoad_roundTripsTheScores() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MODEL.save(out);
    SentimentModel loaded = SentimentModel.load(new ByteArrayInputStream(out.toByteArray()));
    for (String text : List.of("太难吃了", "很好吃", "一般般", "")) {
      assertThat(loaded.score(text).negativeScore()).isEqualTo(MODEL.score(text).negativeScore());
    }
  }

  @Test
  void load_rejectsForeignTruncatedAndCorruptFiles() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MODEL.save(out);
    byte[] bytes = out.toByteArray();
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream("hello world".getBytes())))
        .isInstanceOf(IOException.class).hasMessageContaining("must start with SCRMSENT");
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2))))
        .hasMessage("model file is truncated");
    byte[] corrupt = bytes.clone();
    corrupt[bytes.length / 2] ^= 0x55;
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(corrupt)))
        .hasMessage("model file is corrupt: checksum mismatch");
    Lexicon other = Lexicon.builtIn().extendedWith(Lexicon.parse("@version\t9\n绝了\tneg\t2\n", "shop.tsv"));
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(bytes), other))
        .hasMessageContaining("trained with lexicon " + Lexicon.builtIn().version() + " but "
            + other.version() + " was given");
  }

  @Test
  void load_aDamagedLexiconVersion_isReportedAsDamage_notAsAnotherLexicon() {
    byte[] file = ModelFiles.formatOne("builtin@1", 8, 0, 1, 1, 1);
    // the version follows the magic, the format and its own length: its first letter becomes 'x'
    int first = SentimentModel.MAGIC.length + Integer.BYTES + Short.BYTES;
    assertThat((char) file[first]).isEqualTo('b');
    file[first] = 'x';

    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(file), lexicon(1)))
        .isInstanceOf(IOException.class).hasMessage("model file is corrupt: checksum mismatch");
  }

  @Test
  void load_unknownFormatVersion_isRefused() {
    byte[] future = ModelFiles.file(2, "builtin@1", 8, Features.MAX_ORDER, 0, 0, 0, 0);
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(future), lexicon(1)))
        .isInstanceOf(IOException.class)
        .hasMessage("model format version must be 1 (the only one this library reads), but was 2");
  }

  @Test
  void load_formatOneFileWrittenFromTheDocumentedLayout_scoresWithItsWeights() throws IOException {
    // only the first lexicon feature (the squashed complaint sum) has a weight
    byte[] file = ModelFiles.formatOne("builtin@1", 8, 0.25, 2.0, 0, 0);
    SentimentModel model = SentimentModel.load(new ByteArrayInputStream(file), lexicon(1));
    assertThat(model.score("难吃").negativeScore())
        .isCloseTo(1 / (1 + Math.exp(-(0.25 + 2.0 * Math.tanh(2.0 / 3)))), Offset.offset(1e-12));
    assertThat(model.score("一般").negativeScore()).isCloseTo(1 / (1 + Math.exp(-0.25)), Offset.offset(1e-12));
  }

  @Test
  void load_otherLayoutOfLexiconFeatures_isRefusedNamingBothVersions() {
    byte[] file = ModelFiles.formatOne("builtin@1", 8, 0, 1, 1, 1, 1);
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(file), lexicon(2)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("lexicon features must be 3, but were 4")
        .hasMessageContaining("trained with lexicon builtin@1")
        .hasMessageContaining("cannot be scored with lexicon builtin@2");
  }

  @Test
  void load_laterVersionOfTheSameLexicon_keepsTheModelAndReportsBothVersions() throws IOException {
    SentimentModel trained = SentimentModel.trainer().hashBits(14).lexicon(lexicon(1))
        .train(TrainingFixtures.examples(5));
    SentimentModel loaded = SentimentModel.load(new ByteArrayInputStream(saved(trained)), lexicon(2));

    assertThat(loaded.trainedLexiconVersion()).isEqualTo("builtin@1");
    assertThat(loaded.lexicon().version()).isEqualTo("builtin@2");
    assertThat(loaded).hasToString("SentimentModel[2^14 n-gram weights, lexicon builtin@2 (trained with builtin@1)]");
    for (String text : List.of("太难吃了", "很好吃", "一般般", "刷的好评", "")) {
      assertThat(loaded.score(text).negativeScore()).as(text).isEqualTo(trained.score(text).negativeScore());
    }
    // version 2 blocks 刷的 inside 差评是刷的: only the lexicon part of the margin moves
    var before = trained.score("差评是刷的");
    var after = loaded.score("差评是刷的");
    assertThat(after.negativeScore()).isLessThan(before.negativeScore());
    assertThat(after.evidence().get(0).weight())
        .isCloseTo(before.evidence().get(0).weight(), Offset.offset(1e-12));
  }

  @Test
  void save_ofAModelLoadedWithALaterLexicon_keepsTheVersionItWasTrainedWith() throws IOException {
    SentimentModel trained = SentimentModel.trainer().hashBits(12).lexicon(lexicon(1))
        .train(TrainingFixtures.examples(1));
    SentimentModel loaded = SentimentModel.load(new ByteArrayInputStream(saved(trained)), lexicon(2));
    SentimentModel again = SentimentModel.load(new ByteArrayInputStream(saved(loaded)), lexicon(1));
    assertThat(again.trainedLexiconVersion()).isEqualTo("builtin@1");
    assertThat(again).hasToString("SentimentModel[2^12 n-gram weights, lexicon builtin@1]");
    assertThat(again.score("差评是刷的").negativeScore()).isEqualTo(trained.score("差评是刷的").negativeScore());
  }

  @Test
  void load_lexiconFromAnotherSource_isRefusedNamingBothVersions() throws IOException {
    Lexicon shop = Lexicon.parse("@version\t3\n难吃\tneg\t2\n好吃\tpos\t2\n", "shop.tsv");
    byte[] file = saved(SentimentModel.trainer().hashBits(12).lexicon(shop).train(TrainingFixtures.examples(1)));
    assertThatThrownBy(() -> SentimentModel.load(new ByteArrayInputStream(file), lexicon(2)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("model was trained with lexicon shop.tsv@3 but builtin@2 was given")
        .hasMessageContaining("retrain it with builtin@2");
  }

  @Test
  void load_modelTrainedWithBuiltInVersion1_loadsWithTheCurrentBuiltInLexicon() throws IOException {
    Lexicon version1 = builtInAsVersion1();
    assertThat(version1.version()).isEqualTo("builtin@1");
    SentimentModel trained = SentimentModel.trainer().hashBits(14).lexicon(version1)
        .train(TrainingFixtures.examples(5));

    SentimentModel loaded = SentimentModel.load(new ByteArrayInputStream(saved(trained)));

    assertThat(loaded.lexicon()).isSameAs(Lexicon.builtIn());
    assertThat(loaded.trainedLexiconVersion()).isEqualTo("builtin@1");
    assertThat(loaded.toString()).contains("lexicon builtin@2 (trained with builtin@1)");
    List<String> unchanged = new java.util.ArrayList<>(TrainingFixtures.NEGATIVE);
    unchanged.addAll(TrainingFixtures.POSITIVE);
    unchanged.addAll(List.of("刷好评的店，别买", "快递员态度很差，差评", "还不错吧", "good value", "难道这也叫新鲜？"));
    for (String text : unchanged) {
      assertThat(loaded.score(text).negativeScore()).as(text).isEqualTo(trained.score(text).negativeScore());
    }
    assertThat(loaded.score("味道好，差评是刷的").negativeScore())
        .isLessThan(trained.score("味道好，差评是刷的").negativeScore());
  }

  /** The built-in lexicon as version 1 last shipped it: without the blockers for bad reviews called fake. */
  private static Lexicon builtInAsVersion1() throws IOException {
    String text;
    try (var in = Lexicon.class.getResourceAsStream("lexicon.tsv")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String version1 = text.replace("\n@version\t2\n", "\n@version\t1\n").replace("\n差评是刷的\tneutral\t0\n", "\n")
        .replace("\n差评都是刷的\tneutral\t0\n", "\n").replace("\n刷的差评\tneutral\t0\n", "\n");
    assertThat(version1.length()).as("version 2 adds three lines to version 1").isLessThan(text.length() - 30);
    return Lexicon.parse(version1, "builtin");
  }

  /** A small lexicon named like the built-in one; version 2 adds blockers for bad reviews called fake. */
  private static Lexicon lexicon(int version) {
    String text = "@version\t" + version + "\n@category\tfraud\tcritical\tFraud\n难吃\tneg\t2\n好吃\tpos\t2\n"
        + "刷的\tneg\t1.6\tfraud\n" + (version >= 2 ? "差评是刷的\tneutral\t0\n" : "");
    return Lexicon.parse(text, "builtin");
  }

  private static byte[] saved(SentimentModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.save(out);
    return out.toByteArray();
  }
}
