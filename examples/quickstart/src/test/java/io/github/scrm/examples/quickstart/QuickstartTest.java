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
        "== 3. An audience for the end-of-season discount ==", "== 4. Coupons ==",
        "== 5. A referral poster campaign and the key opinion customers ==", "== 6. The comments to answer first ==");
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
  void coupons_guardrailsRefuseTheFloodAndPassTheAudienceCampaign() {
    assertThat(out).contains("Dry run flash-100-off (no-threshold ¥100 x 200,000): REFUSED");
    assertThat(out).contains("- maxNoThresholdValue: a no-threshold coupon must be worth at most 20.00 CNY,"
        + " but was 100.00 CNY");
    long coupons = number("PASSES; (\\d+) coupons, face value 60.00 CNY");
    assertThat(coupons).isPositive().isLessThanOrEqualTo(number("match, (\\d+) can be reached now"));
  }

  @Test
  void coupons_birthdayAndShareIssued_oneRedeemed_partRefunded_reported() {
    assertThat(out).containsPattern("Mei's birthday is this month: issued LM-\\w{4}\\*{4} \\(campaign birthday-2026");
    assertThat(out).containsPattern(
        "After her store order o-mei-1: issued LM-\\w{4}\\*{4} \\(campaign share-after-order");
    assertThat(out).contains("claims through the link: issued");
    assertThat(out).contains("discount 30.00 CNY, pays 927.00 CNY");
    assertThat(out).contains("She returns one tee: refund 124.96 CNY (129.00 less its 4.04 CNY share of the coupon");
    assertThat(out).contains("Mei's profile now: orders 2 | spend 1480.04 CNY | refunds 1 | coupons redeemed 1");
    assertThat(out).contains("Campaign report birthday-2026: ACTIVE, issued 1, claimed 0, redeemed 1 (100%),"
        + " discount granted 25.96 CNY, GMV 957.00 CNY");
    assertThat(out).doesNotContainPattern("LM-\\w{13}");
  }

  @Test
  void referrals_flagTheDeviceClusterAndRefuseTheSelfSupport() {
    assertThat(out).contains("Mei herself (Douyin): rejected SELF: shares DOUYIN_OPENID");
    assertThat(out).contains("flags [DEVICE_CLUSTER: 3 supporters on one device, threshold 3]");
    assertThat(out).contains("reward ladder:3 10.00 CNY -> ISSUED (coupon issued)");
    assertThat(out).contains("reward ladder:6 30.00 CNY -> IN_REVIEW");
    assertThat(out).contains("in review: ladder:6, fraud flag DEVICE_CLUSTER");
  }

  @Test
  void koc_fiveRankedLinesWithFallingScores() {
    List<String> lines = out.lines().filter(l -> l.startsWith("  KOC #")).toList();
    assertThat(lines).hasSize(5);
    double previous = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      Matcher m = Pattern.compile("  KOC #" + (i + 1) + " c-\\d+ score (\\d+\\.\\d+): \\d+ referrals")
          .matcher(lines.get(i));
      assertThat(m.find()).as(lines.get(i)).isTrue();
      double score = Double.parseDouble(m.group(1));
      assertThat(score).isBetween(0.0, 100.0).isLessThanOrEqualTo(previous);
      previous = score;
    }
    assertThat(number("key_opinion_customer tag .* now holds (\\d+) customers")).isPositive();
  }

  @Test
  void comments_threeToAnswerFirst_eachWithReasons() {
    List<String> lines = out.lines().toList();
    int start = lines.indexOf("== 6. The comments to answer first ==");
    List<String> ranked = lines.subList(start, lines.size()).stream().filter(l -> l.matches("  #\\d .*")).toList();
    List<String> reasons = lines.subList(start, lines.size()).stream().filter(l -> l.startsWith("     why: "))
        .toList();
    assertThat(ranked).hasSize(3);
    assertThat(reasons).hasSize(3).allSatisfy(r -> assertThat(r).contains("unanswered").contains("negative score"));
    assertThat(ranked.get(0)).startsWith("  #1 ").contains("[CRITICAL");
    assertThat(out).contains("critical: Legal or media threat (12315)");
    assertThat(out).contains("critical: Fake or counterfeit goods (假货)");
  }

  @Test
  void main_printsTheSameStoryToStandardOutput() {
    PrintStream original = System.out;
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(again, true, StandardCharsets.UTF_8));
      Quickstart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    // the entry point the CLI's demo calls; a second run in the same JVM prints the same text
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
