package io.github.scrm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scrm report run as a process; the page is rendered in headless Chromium (slow). */
final class ReportCommandIT {

  private static final String AS_OF = "2026-06-01T00:00:00Z";

  @TempDir
  Path dir;

  private Path inputs() throws Exception {
    Path d = Files.createDirectories(dir.resolve("r&d <shop>"));
    List<String> profiles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long spend = 100L * (i * 37 % 90);
      profiles.add("{\"customerId\":\"c-" + i + "\",\"attributes\":{\"spend.total.365d\":\"" + spend + ".00 CNY\","
          + "\"orders.count\":" + (i % 5) + ",\"orders.count.365d\":" + (i % 5) + ","
          + (i % 5 > 0 ? "\"purchase.last\":\"2026-0" + (1 + i % 5) + "-10T10:00:00Z\"," : "")
          + "\"social.shares.30d\":" + (i % 4) + ",\"coupons.redeemed\":" + (i % 3) + ","
          + "\"referrals.invited\":" + (i % 6 == 0 ? 1 : 0) + "}}");
    }
    Files.write(d.resolve("profiles.jsonl"), profiles, StandardCharsets.UTF_8);
    String[] texts = {"饭里吃出苍蝇", "送得太慢了", "态度很差", "少送了一份", "<script>alert('x')</script>送得太慢"};
    List<String> comments = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      comments.add("{\"id\":\"m" + i + "\",\"text\":\"" + texts[i % texts.length].replace("'", "\\u0027")
          + "\",\"created_at\":\"2026-0" + (3 + i % 3) + "-" + (10 + i % 15) + "T09:00:00Z\"}");
    }
    comments.add("{\"id\":\"bad\",\"text\":\"送得太慢\",\"created_at\":\"yesterday\"}");
    Files.write(d.resolve("comments.jsonl"), comments, StandardCharsets.UTF_8);
    return d;
  }

  @Test
  void report_writesOneSelfContainedPageAndReportsBadRows() throws Exception {
    Path d = inputs();
    Path out = d.resolve("report.html");
    ScrmProcess.Result r = ScrmProcess.run("", "report", "--profiles", d.resolve("profiles.jsonl").toString(),
        "--comments", d.resolve("comments.jsonl").toString(), "--out", out.toString(), "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(d.resolve("comments.jsonl") + ":31: field 'created_at': must be an ISO-8601 "
        + "instant").contains("report of 40 profiles and 30 comments written");
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Segment sizes", "RFM grid",
        "Top complaint categories over time", "Campaign funnel", "grade_B", "重要价值", "Delivery speed",
        "redeemed a coupon", "invited a friend");
    assertThat(html).doesNotContain("<script", "<img", "<link", "src=", "href=", "@import", "url(", "http:",
        "https:");
    assertThat(html).contains("r&amp;d &lt;shop&gt;").doesNotContain("r&d <shop>");
    ScrmProcess.Result missing = ScrmProcess.run("", "report", "--profiles", d.resolve("nope.jsonl").toString(),
        "--comments", d.resolve("comments.jsonl").toString(), "--out", out.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.jsonl: no such file");
  }

  @Test
  void report_profilesAndCommentsBothFromStdin_isBadInputAndWritesNoPage() throws Exception {
    Path out = dir.resolve("report.html");
    ScrmProcess.Result r = ScrmProcess.run("{\"customerId\":\"c-1\",\"attributes\":{\"orders.count\":1}}\n",
        "report", "--profiles", "-", "--comments", "-", "--out", out.toString(), "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: --profiles and --comments both read stdin (-), which can be read only "
        + "once; give all but one of them as files");
    assertThat(out).doesNotExist();
  }

  @Test
  void report_rendersInHeadlessChromium() throws Exception {
    Optional<String> chromium = chromium();
    if (chromium.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("chromium is required in CI to check that the report renders: apt-get install -y chromium");
      }
      Assumptions.abort("chromium is not installed (apt-get install -y chromium); the rendering check is skipped "
          + "outside CI");
    }
    Path d = inputs();
    Path out = d.resolve("report.html");
    ScrmProcess.Result r = ScrmProcess.run("", "report", "--profiles", d.resolve("profiles.jsonl").toString(),
        "--comments", d.resolve("comments.jsonl").toString(), "--out", out.toString(), "--as-of", AS_OF);
    assertThat(r.out()).isEmpty();
    assertThat(out).exists();
    Path png = dir.resolve("screenshot.png");
    Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
    Process p = new ProcessBuilder(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,1600", out.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s; log: " + Files.readString(dir.resolve("chromium.log")));
    }
    assertThat(png).as("chromium log: %s", Files.readString(dir.resolve("chromium.log"))).exists();
    assertThat(Files.size(png)).isGreaterThan(10_000);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    long nonWhite = 0;
    long chartBlue = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int red = rgb >> 16 & 0xff;
        int green = rgb >> 8 & 0xff;
        int blue = rgb & 0xff;
        if (red < 240 || green < 240 || blue < 240) {
          nonWhite++;
        }
        if (Math.abs(red - 0x2f) < 12 && Math.abs(green - 0x6f) < 12 && Math.abs(blue - 0xb3) < 12) {
          chartBlue++;
        }
      }
    }
    long sampled = (long) (image.getWidth() / 2) * (image.getHeight() / 2);
    assertThat(nonWhite).as("non-white pixels").isGreaterThan(sampled / 50);
    assertThat(chartBlue).as("pixels of the charts' bars").isGreaterThan(500);
  }

  private static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        File f = new File(dirName, name);
        if (f.canExecute()) {
          return Optional.of(f.getPath());
        }
      }
    }
    return Optional.empty();
  }
}
