package io.github.scrm.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.sentiment.Lexicon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
        .hasMessageContaining("trained with lexicon builtin@1 but builtin@1+shop.tsv@9 was given");
  }
}
