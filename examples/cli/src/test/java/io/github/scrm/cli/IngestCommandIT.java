package io.github.scrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scrm ingest run as a process: events in, profiles with metrics out, refused lines reported. */
final class IngestCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AS_OF = "2026-06-01T00:00:00Z";

  static final String EVENTS = String.join("\n",
      "{\"type\":\"membership.joined\",\"eventId\":\"e1\",\"occurredAt\":\"2026-05-01T02:00:00Z\","
          + "\"receivedAt\":\"2026-05-01T02:00:00Z\",\"sourceChannel\":\"wechat\","
          + "\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}]}",
      purchase("e2", "M1", "o1", 600_000),
      "not json",
      "{\"type\":\"purchase\",\"eventId\":\"e3\",\"occurredAt\":\"2026-05-02T02:00:00Z\","
          + "\"receivedAt\":\"2026-05-02T02:00:00Z\",\"sourceChannel\":\"erp\","
          + "\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M2\"}],\"orderId\":\"o2\",\"lines\":[],"
          + "\"paidAmount\":{\"minorUnits\":100,\"currency\":\"CNY\"},\"couponCodes\":[],\"channel\":\"store\"}",
      purchase("e4", "M1", "o3", 50_000),
      purchase("e4", "M1", "o3", 50_000),
      purchase("e5", "M3", "o4", 12_900), "");

  @TempDir
  Path dir;

  static String purchase(String eventId, String member, String order, long fen) {
    return "{\"type\":\"purchase\",\"eventId\":\"" + eventId + "\",\"occurredAt\":\"2026-05-02T02:00:00Z\","
        + "\"receivedAt\":\"2026-05-02T02:00:00Z\",\"sourceChannel\":\"erp\","
        + "\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"" + member + "\"}],\"orderId\":\"" + order
        + "\",\"lines\":[{\"sku\":\"s1\",\"brand\":\"Nike\",\"category\":\"shoes\",\"quantity\":1,"
        + "\"unitPrice\":{\"minorUnits\":" + fen + ",\"currency\":\"CNY\"},"
        + "\"lineDiscount\":{\"minorUnits\":0,\"currency\":\"CNY\"}}],"
        + "\"paidAmount\":{\"minorUnits\":" + fen + ",\"currency\":\"CNY\"},\"couponCodes\":[],\"channel\":\"store\"}";
  }

  @Test
  void ingest_writesProfilesWithMetricsAndReportsRefusedLines() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, EVENTS, StandardCharsets.UTF_8);
    Path out = dir.resolve("profiles.jsonl");
    ScrmProcess.Result r = ScrmProcess.run("", "ingest", "--events", events.toString(), "--out-profiles",
        out.toString(), "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(events + ":3: malformed JSON")
        .contains(events + ":4: field 'lines': an order needs at least one line, but was empty")
        .contains("4 events accepted, 1 duplicates, 2 refused; 2 profiles written");
    List<JsonNode> profiles = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      profiles.add(JSON.readTree(line));
    }
    assertThat(profiles).hasSize(2);
    JsonNode m1 = profiles.stream().filter(p -> p.get("identifiers").toString().contains("M1")).findFirst()
        .orElseThrow();
    assertThat(m1.get("customerId").asText()).isNotBlank();
    assertThat(m1.get("memberSince").asText()).isEqualTo("2026-05-01T02:00:00Z");
    JsonNode a = m1.get("attributes");
    assertThat(a.get("orders.count").asLong()).isEqualTo(2);
    assertThat(a.get("spend.total.365d").asText()).isEqualTo("6500.00 CNY");
    assertThat(a.get("purchase.brands").toString()).isEqualTo("[\"Nike\"]");
    assertThat(a.get("purchase.last").asText()).isEqualTo("2026-05-02T02:00:00Z");
  }

  @Test
  void ingest_eventsSavedAsGbk_isBadInputNamingTheLineAndWritesNoProfiles() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.write(events, (purchase("e1", "M1", "o1", 600_000) + "\n" + purchase("e2", "M2", "o2", 100)
        .replace("Nike", "李宁") + "\n").getBytes(java.nio.charset.Charset.forName("GBK")));
    Path out = dir.resolve("profiles.jsonl");
    ScrmProcess.Result r = ScrmProcess.run("", "ingest", "--events", events.toString(), "--out-profiles",
        out.toString(), "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: " + events + ":2: not UTF-8 text");
    assertThat(out).doesNotExist();
  }

  @Test
  void ingest_cleanInputFromStdin_toCsv_isOkAndTagReadsIt() throws Exception {
    String clean = purchase("e1", "M1", "o1", 600_000) + "\n" + purchase("e2", "M2", "o2", 100) + "\n";
    Path csv = dir.resolve("profiles.csv");
    ScrmProcess.Result r = ScrmProcess.run(clean, "ingest", "--events", "-", "--out-profiles", csv.toString(),
        "--as-of", AS_OF);
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("customer_id,").contains("orders.count", "spend.total.365d");
    assertThat(lines).hasSize(3);
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"schemaVersion\":1,\"name\":\"s\",\"version\":1,\"rules\":[{\"id\":\"big\","
        + "\"when\":\"spend.total.365d >= ¥5000 and purchase.brands contains 'Nike'\"}]}", StandardCharsets.UTF_8);
    ScrmProcess.Result tagged = ScrmProcess.run("", "tag", "--rules", rules.toString(), "--profiles", csv.toString(),
        "--out", "-", "--as-of", AS_OF);
    assertThat(tagged.exitCode()).as(tagged.err()).isZero();
    assertThat(tagged.out().lines().filter(l -> l.contains("[\"big\"]")).count()).isEqualTo(1);
    ScrmProcess.Result badKey = ScrmProcess.run(clean, "ingest", "--events", "-", "--out-profiles", "-",
        "--hash-key-file", dir.resolve("missing.key").toString());
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(badKey.err()).contains("missing.key: no such file");
  }

  @Test
  void ingest_eventsFileWithAByteOrderMark_readsTheFirstLine() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "\uFEFF" + purchase("e1", "M1", "o1", 600_000) + "\n", StandardCharsets.UTF_8);
    ScrmProcess.Result r = ScrmProcess.run("", "ingest", "--events", events.toString(), "--out-profiles", "-",
        "--as-of", AS_OF);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 events accepted, 0 duplicates, 0 refused; 1 profiles written");
  }

  @Test
  void ingest_hashKeyFileEndingWithANewline_hashesLikeTheSameKeyInTheEnvironment() throws Exception {
    String key = "shop-secret-key-0123456789";
    String member = "{\"type\":\"membership.joined\",\"eventId\":\"e1\",\"occurredAt\":\"2026-05-01T02:00:00Z\","
        + "\"receivedAt\":\"2026-05-01T02:00:00Z\",\"sourceChannel\":\"wechat\","
        + "\"identifiers\":[{\"type\":\"PHONE\",\"clear\":\"+86 138-1234-5678\"}]}\n";
    ScrmProcess.Result fromEnvironment = ScrmProcess.runWithEnvironment(Map.of("SCRM_HASH_KEY", key), member,
        "ingest", "--events", "-", "--out-profiles", "-", "--as-of", AS_OF);
    assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
    String phoneHash = JSON.readTree(fromEnvironment.out()).get("identifiers").get(0).get("value").asText();
    for (String written : List.of(key + "\n", key + "\r\n", key)) {
      Path keyFile = dir.resolve("key");
      Files.writeString(keyFile, written, StandardCharsets.UTF_8);
      ScrmProcess.Result fromFile = ScrmProcess.run(member, "ingest", "--events", "-", "--out-profiles", "-",
          "--as-of", AS_OF, "--hash-key-file", keyFile.toString());
      assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
      assertThat(JSON.readTree(fromFile.out()).get("identifiers").get(0).get("value").asText())
          .as("key file %s", written.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(phoneHash);
    }
  }

  @Test
  void ingest_hashKeyFileWithTwoTrailingNewlines_keepsTheSecond() throws Exception {
    Path keyFile = dir.resolve("short.key");
    Files.writeString(keyFile, "fifteen-bytes!\n\n", StandardCharsets.UTF_8);
    ScrmProcess.Result r = ScrmProcess.run(purchase("e1", "M1", "o1", 100), "ingest", "--events", "-",
        "--out-profiles", "-", "--as-of", AS_OF, "--hash-key-file", keyFile.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("the hash key must have at least 16 bytes, but had 15");
  }
}
