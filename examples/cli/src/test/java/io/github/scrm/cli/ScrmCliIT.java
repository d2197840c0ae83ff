package io.github.scrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance contract of the command line, run as a separate process on the shaded jar. */
final class ScrmCliIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static List<JsonNode> jsonLines(String text) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void help_listsTheCommandsAndExitCodes() throws Exception {
    ScrmProcess.Result r = ScrmProcess.run("", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("score", "train", "triage", "2   bad input");
    ScrmProcess.Result triageHelp = ScrmProcess.run("", "triage", "--help");
    assertThat(triageHelp.out()).contains("created_at", "thread_id", "author_id", "brand_replied_at", "followers");
  }

  @Test
  void score_csv_keepsEveryColumnAndAddsTheScore() throws Exception {
    Path in = write("in.csv", "id,review,shop\n1,太难吃了，再也不点了,A\n2,\"很好吃,送得也快\",B\n3,吃出一只苍蝇,C\n");
    Path out = dir.resolve("out.csv");
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", in.toString(), "--text-column", "review", "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("id,review,shop,negative_score,polarity,categories,severity");
    assertThat(lines.get(1)).startsWith("1,太难吃了，再也不点了,A,0.").contains(",negative,");
    assertThat(lines.get(2)).contains(",positive,").endsWith(",none");
    assertThat(lines.get(3)).endsWith(",hygiene_food_safety,critical");
  }

  @Test
  void score_malformedRows_reportFileLineAndFieldAndTheRestContinues() throws Exception {
    Path in = write("in.jsonl", "{\"id\":1,\"text\":\"送得太慢了\"}\n{\"id\":2}\nnot json\n{\"id\":4,\"text\":\"好吃\"}\n");
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", in.toString(), "--out", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(in + ":2: field 'text': is missing").contains(in + ":3: not valid JSON");
    List<JsonNode> rows = jsonLines(r.out());
    assertThat(rows).extracting(n -> n.get("id").asInt()).containsExactly(1, 4);
    assertThat(rows.get(0).get("categories").get(0).asText()).isEqualTo("delivery_speed");
    assertThat(rows.get(0).get("severity").asText()).isEqualTo("medium");
  }

  @Test
  void score_csvRowWithTooManyFieldsAndAMissingColumn_areBadInput() throws Exception {
    Path in = write("in.csv", "id,text\n1,好吃\n2,a,b\n3,难吃\n");
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", in.toString(), "--out", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(in + ":3: expected 2 fields as in the header, but found 3");
    assertThat(r.out().lines().count()).isEqualTo(3);
    ScrmProcess.Result missing = ScrmProcess.run("", "score", "--in", in.toString(), "--text-column", "review",
        "--out", "-");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no column 'review'; columns are: id, text");
  }

  @Test
  void score_sameFileAsInAndOut_isRefusedAndTheFileIsKept() throws Exception {
    StringBuilder csv = new StringBuilder("id,text\n");
    for (int i = 0; i < 5_000; i++) {
      csv.append(i).append(",送得太慢了，饭也凉了\n");
    }
    Path same = write("same.csv", csv.toString());
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", same.toString(), "--out", same.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(same + ": is also an input of this command; write the output to another file");
    assertThat(Files.readString(same, StandardCharsets.UTF_8)).isEqualTo(csv.toString());
  }

  @Test
  void score_outputThatCannotBeWritten_isBadInputWithTheReason() throws Exception {
    Path in = write("in.csv", "id,text\n1,好吃\n");
    String noDir = dir.resolve("nonexist").resolve("x.csv").toString();
    ScrmProcess.Result missing = ScrmProcess.run("", "score", "--in", in.toString(), "--out", noDir);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("error: " + noDir + ": cannot write (no such directory");
    String xlsx = dir.resolve("out.xlsx").toString();
    ScrmProcess.Result excel = ScrmProcess.run("", "score", "--in", in.toString(), "--out", xlsx);
    assertThat(excel.exitCode()).isEqualTo(2);
    assertThat(excel.err()).contains("error: " + xlsx + ": cannot write .xlsx files; use .csv or .jsonl");
    assertThat(Path.of(xlsx)).doesNotExist();
  }

  @Test
  void triageAndTag_outputThatIsAnInput_isRefused() throws Exception {
    Path comments = write("comments.jsonl", "{\"id\":\"c1\",\"text\":\"有点咸\",\"created_at\":\"2026-03-01T11:00:00Z\"}\n");
    String before = Files.readString(comments, StandardCharsets.UTF_8);
    ScrmProcess.Result triage = ScrmProcess.run("", "triage", "--in", comments.toString(), "--out",
        comments.toString(), "--now", "2026-03-01T12:00:00Z");
    assertThat(triage.exitCode()).isEqualTo(2);
    assertThat(triage.err()).contains(comments + ": is also an input of this command");
    assertThat(Files.readString(comments, StandardCharsets.UTF_8)).isEqualTo(before);
    Path rules = write("rules.json", "{\"schemaVersion\":1,\"name\":\"s\",\"version\":1,\"rules\":[{\"id\":\"a\","
        + "\"when\":\"orders.count >= 1\"}]}");
    ScrmProcess.Result tag = ScrmProcess.run("", "tag", "--rules", rules.toString(), "--profiles",
        comments.toString(), "--out", rules.toString());
    assertThat(tag.exitCode()).isEqualTo(2);
    assertThat(tag.err()).contains(rules + ": is also an input of this command");
    assertThat(Files.readString(rules, StandardCharsets.UTF_8)).startsWith("{\"schemaVersion\"");
  }

  @Test
  void score_ratingColumn_countsAndBadRatingsAreReported() throws Exception {
    Path in = write("rated.csv", "text,stars\n还行,1\n还行,5\n还行,six\n");
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", in.toString(), "--rating-column", "stars", "--out",
        "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(in + ":4: field 'stars': must be a whole number of stars from 1 to 5, but was 'six'");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains(",negative,");
    assertThat(lines.get(2)).contains(",positive,");
  }

  @Test
  void score_ratingColumnNotInTheCsvHeader_isBadInputInsteadOfScoringWithoutRatings() throws Exception {
    Path in = write("rated.csv", "text,rating\n还行,1\n还行,5\n");
    Path out = dir.resolve("scored.csv");
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", in.toString(), "--rating-column", "stars", "--out",
        out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(in + ": no column 'stars'; columns are: text, rating (choose one with "
        + "--rating-column)");
    assertThat(out).doesNotExist();
  }

  @Test
  void score_csvSavedAsGbk_isBadInputNamingTheLineInsteadOfScoringGarbage() throws Exception {
    Path in = dir.resolve("excel.csv");
    Files.write(in, "id,text\n1,吃出一只苍蝇\n2,太难吃了\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    Path out = dir.resolve("scored.csv");
    ScrmProcess.Result r = ScrmProcess.run("", "score", "--in", in.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: " + in + ":2: not UTF-8 text");
    assertThat(out).doesNotExist();
  }

  @Test
  void score_stdinToStdout_inTheInputFormat() throws Exception {
    ScrmProcess.Result r = ScrmProcess.run("text\n呵呵…真是太快了\n", "score", "--in", "-", "--out", "-");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("text,negative_score,polarity,categories,severity").contains(",negative,");
  }

  @Test
  void train_writesAModelThatScoreUses() throws Exception {
    StringBuilder csv = new StringBuilder("label,review\n");
    String[] neg = {"太难吃了", "送得太慢", "汤洒了", "少送了米饭", "态度很差", "饭是凉的"};
    String[] pos = {"很好吃", "送得很快", "包装很好", "分量很足", "态度很好", "饭是热的"};
    for (int i = 0; i < 20; i++) {
      csv.append("0,").append(neg[i % neg.length]).append('\n').append("1,").append(pos[i % pos.length]).append('\n');
    }
    Path in = write("train.csv", csv.toString());
    Path model = dir.resolve("waimai.model");
    ScrmProcess.Result r = ScrmProcess.run("", "train", "--in", in.toString(), "--text-column", "review",
        "--label-column", "label", "--model", model.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("trained on 40 comments (20 negative, 20 positive)");
    assertThat(Files.size(model)).isGreaterThan(1000);
    Path toScore = write("score.csv", "review\n饭是凉的\n分量很足\n");
    ScrmProcess.Result scored = ScrmProcess.run("", "score", "--in", toScore.toString(), "--text-column", "review",
        "--model", model.toString(), "--out", "-");
    assertThat(scored.exitCode()).as(scored.err()).isZero();
    List<String> lines = scored.out().lines().toList();
    assertThat(lines.get(1)).contains(",negative,");
    assertThat(lines.get(2)).contains(",positive,");
  }

  @Test
  void score_withAModelTrainedOnAnOlderLexicon_saysSoAndScores() throws Exception {
    StringBuilder csv = new StringBuilder("label,review\n");
    for (int i = 0; i < 10; i++) {
      csv.append("0,太难吃了\n1,很好吃\n");
    }
    Path model = dir.resolve("old.model");
    ScrmProcess.Result trained = ScrmProcess.run("", "train", "--in", write("train.csv", csv.toString()).toString(),
        "--text-column", "review", "--label-column", "label", "--model", model.toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    // the file as an earlier release wrote it: its lexicon version one lower, the checksum over the bytes before it
    byte[] bytes = Files.readAllBytes(model);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("builtin@2");
    assertThat(at).isPositive();
    bytes[at + "builtin@".length()] = '1';
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - Long.BYTES);
    java.nio.ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).putLong(crc.getValue());
    Files.write(model, bytes);

    ScrmProcess.Result scored = ScrmProcess.run("", "score", "--in", write("score.csv", "review\n太难吃了\n").toString(),
        "--text-column", "review", "--model", model.toString(), "--out", "-");

    assertThat(scored.exitCode()).as(scored.err()).isZero();
    assertThat(scored.err()).contains(model + ": trained with lexicon builtin@1, scoring with builtin@2");
    assertThat(scored.out().lines().toList().get(1)).contains(",negative,");
  }

  @Test
  void train_badAndMissingLabels_areReportedWithLineNumbers() throws Exception {
    Path in = write("train.csv", "label,review\n0,难吃\nmaybe,好吃\n,一般\n1,好吃\n");
    Path model = dir.resolve("m.model");
    ScrmProcess.Result r = ScrmProcess.run("", "train", "--in", in.toString(), "--text-column", "review",
        "--label-column", "label", "--model", model.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(in + ":3: field 'label': must be 0 (negative) or 1 (positive), but was 'maybe'")
        .contains(in + ":4: field 'label': is missing");
    assertThat(model).exists();
    ScrmProcess.Result corrupt = ScrmProcess.run("", "score", "--in", in.toString(), "--text-column", "review",
        "--model", in.toString(), "--out", "-");
    assertThat(corrupt.exitCode()).isEqualTo(2);
    assertThat(corrupt.err()).contains("cannot load model: not a sentiment model");
  }

  @Test
  void train_epochsOutOfRange_isBadInputNamingTheOptionNotTheFile() throws Exception {
    Path in = write("train.csv", "label,review\n0,难吃\n1,好吃\n");
    ScrmProcess.Result r = ScrmProcess.run("", "train", "--in", in.toString(), "--text-column", "review",
        "--label-column", "label", "--model", dir.resolve("m.model").toString(), "--epochs", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: --epochs: epochs must be between 1 and 100, but was 0").doesNotContain(in + ":");
  }

  @Test
  void triage_ranksByPriorityWithReasons() throws Exception {
    Path in = write("comments.jsonl", String.join("\n",
        "{\"id\":\"c1\",\"text\":\"有点咸\",\"platform\":\"weibo\",\"thread_id\":\"p1\",\"created_at\":\"2026-03-01T11:00:00Z\"}",
        "{\"id\":\"c2\",\"text\":\"饭里吃出苍蝇\",\"platform\":\"weibo\",\"thread_id\":\"p1\",\"author_handle\":\"amy\","
            + "\"followers\":3200,\"created_at\":\"2026-03-01T09:50:00Z\"}",
        "{\"id\":\"c3\",\"text\":\"送得太慢了\",\"created_at\":\"2026-03-01T11:30:00Z\",\"likes\":40}",
        "{\"id\":\"c4\",\"text\":\"少送了一份\",\"created_at\":\"2026-03-01T11:30:00Z\","
            + "\"brand_replied_at\":\"2026-03-01T11:40:00Z\"}") + "\n");
    Path out = dir.resolve("ranked.jsonl");
    ScrmProcess.Result r = ScrmProcess.run("", "triage", "--in", in.toString(), "--out", out.toString(), "--now",
        "2026-03-01T12:00:00Z");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("escalation: critical comment c2 unanswered past its SLA of 1 h");
    List<JsonNode> rows = jsonLines(Files.readString(out, StandardCharsets.UTF_8));
    assertThat(rows).extracting(n -> n.get("id").asText()).containsExactly("c2", "c3", "c1", "c4");
    JsonNode top = rows.get(0);
    assertThat(top.get("rank").asInt()).isEqualTo(1);
    assertThat(top.get("severity").asText()).isEqualTo("critical");
    assertThat(top.get("categories").get(0).asText()).isEqualTo("hygiene_food_safety");
    assertThat(top.get("cluster").asText()).startsWith("cluster-");
    assertThat(top.get("priority").asDouble()).isGreaterThan(rows.get(1).get("priority").asDouble());
    assertThat(top.get("reasons").toString()).contains("3,200 followers")
        .contains("unanswered 2 h 10 min against an SLA of 1 h (overdue)");
    assertThat(rows.get(3).get("rank").isNull()).isTrue();
    assertThat(rows.get(3).get("status").asText()).isEqualTo("replied");
  }

  @Test
  void triage_wrongTypes_areReportedPerRowAndTheRestIsRanked() throws Exception {
    Path in = write("comments.jsonl", String.join("\n",
        "{\"id\":\"a\",\"text\":\"送得太慢\",\"created_at\":\"2026-03-01T11:00:00Z\",\"likes\":\"many\"}",
        "{\"id\":\"b\",\"text\":\"送得太慢\",\"created_at\":\"yesterday\"}",
        "{\"id\":\"c\",\"text\":\"送得太慢\",\"created_at\":\"2026-03-01T11:00:00Z\",\"rating\":9}",
        "{\"id\":\"d\",\"text\":\"送得太慢\",\"created_at\":\"2026-03-01T11:00:00Z\"}") + "\n");
    ScrmProcess.Result r = ScrmProcess.run("", "triage", "--in", in.toString(), "--out", "-", "--now",
        "2026-03-01T12:00:00Z");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(in + ":1: field 'likes': must be a non-negative integer, but was 'many'")
        .contains(in + ":2: field 'created_at': must be an ISO-8601 instant")
        .contains(in + ":3: field 'rating': must be a whole number of stars from 1 to 5, but was '9'");
    assertThat(jsonLines(r.out())).extracting(n -> n.get("id").asText()).containsExactly("d");
    ScrmProcess.Result badNow = ScrmProcess.run("", "triage", "--in", in.toString(), "--out", "-", "--now", "noon");
    assertThat(badNow.exitCode()).isEqualTo(2);
    assertThat(badNow.err()).contains("--now must be an ISO-8601 instant");
  }
}
