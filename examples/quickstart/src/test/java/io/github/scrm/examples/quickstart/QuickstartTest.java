package io.github.scrm.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class QuickstartTest {

  private static String out;

  @BeforeAll
  static void runTheStoryOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Story.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    out = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void story_printsEverySectionInOrder() {
    assertThat(out).containsSubsequence("== 1. Identities resolved ==", "== 2. Profiles and tags ==",
        "== 3. An audience for the end-of-season discount ==");
    assertThat(out).contains("(0 rejected)");
  }

  @Test
  void identities_threeChannelsEndInOneProfileWithMaskedIdentifiers() {
    assertThat(out).contains("-> linked: 1 profile(s) merged into");
    String identifiers = lineAfter("One profile, ");
    assertThat(identifiers).contains("PHONE:139****5678", "WECHAT_UNIONID[open-lumen]:u-***31",
        "WECHAT_OPENID[wx-lumen-oa]:o-***31", "DOUYIN_OPENID[dy-lumen]:d-***31", "MEMBER_NUMBER:M9***01");
    assertThat(out).doesNotContain("13912345678").doesNotContain("u-mei-7731");
    assertThat(out).contains("orders 1 | spend 678.00 CNY | followers 1860 | comments (30 days) 1");
  }

  @Test
  void tags_showSegmentSizesAndAnExplainTree() {
    assertThat(number("rfm_customer (\\d+)")).isGreaterThan(1_000);
    assertThat(number("birthday_this_month (\\d+)")).isPositive();
    assertThat(out).contains("Mei's tags: [").contains("birthday_this_month, new_member");
    assertThat(out).containsPattern("socially_active_consumer: matched \\(rule set retail-seed v1");
    assertThat(out).contains("└─ orders.count.90d >= 1  → TRUE");
  }

  @Test
  void audience_dryRunHonoursConsentThePiplFlagAndTheDailyCap() {
    long matching = number("Dry run: (\\d+) match");
    long reachable = number("match, (\\d+) can be reached now");
    assertThat(reachable).isPositive().isLessThan(matching);
    assertThat(number("no-personalised-marketing=(\\d+)")).isPositive();
    assertThat(number("marketing-per-day=(\\d+)")).isPositive();
    assertThat(number("consent=(\\d+)")).isPositive();
  }

  @Test
  void staffDeparture_reassignsEveryCustomerAndTheCapRefusesASecondPush() {
    long owned = number("s-lin looks after (\\d+) customers");
    assertThat(owned).isPositive();
    assertThat(out).contains("s-lin leaves: " + owned + " customers reassigned to s-zhou");
    assertThat(out).contains("Mei: s-lin -> s-zhou, effective 2026-10-01T10:00");
    assertThat(out).contains("10:00 end-of-season: allowed and recorded");
    assertThat(out).contains("10:30 flash sale:    refused by marketing-per-day");
  }

  @Test
  void story_isDeterministic() {
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    Story.run(new PrintStream(again, true, StandardCharsets.UTF_8));
    assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(out);
  }

  private static long number(String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    assertThat(m.find()).as("output has %s", regex).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String lineAfter(String prefix) {
    List<String> lines = out.lines().toList();
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).startsWith(prefix)) {
        return lines.get(i + 1);
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}
