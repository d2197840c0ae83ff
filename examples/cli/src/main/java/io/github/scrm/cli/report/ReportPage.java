package io.github.scrm.cli.report;

import java.util.List;

/** The HTML page around the charts: inline CSS only, every text escaped. */
final class ReportPage {

  private ReportPage() {}

  static String render(ReportFigures f, String profilesFile, String commentsFile) {
    StringBuilder sb = new StringBuilder(32_768);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>SCRM report</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222;background:#fff}")
        .append("h1{font-size:24px}h2{font-size:18px;margin-top:32px}")
        .append("section{margin-bottom:24px}p.note{color:#555;font-size:13px;max-width:900px}")
        .append("table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left}")
        .append("</style></head><body>\n");
    sb.append("<h1>SCRM report</h1>\n<table>")
        .append(row("profiles", Svg.count(f.profiles()) + " from " + profilesFile))
        .append(row("comments", Svg.count(f.comments()) + " from " + commentsFile))
        .append(row("as of", f.asOf().toString()))
        .append(row("rule set", f.ruleSet()))
        .append("</table>\n");
    section(sb, "Segment sizes", "Profiles with each tag of the shipped rule set " + f.ruleSet() + ".",
        Svg.bars("Segment sizes", f.segmentSizes()));
    List<String> rows = List.of("recent", "not recent");
    List<String> columns = List.of("frequent, valuable", "valuable", "frequent", "neither");
    StringBuilder legend = new StringBuilder("Recent: bought within 90 days; frequent: 3 or more orders in 365 days; "
        + "valuable: 2000 CNY or more in 365 days. Classes: ");
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 4; c++) {
        legend.append(rows.get(r)).append(" + ").append(columns.get(c)).append(" = ").append(f.rfmLabel(r, c))
            .append(r == 1 && c == 3 ? "." : "; ");
      }
    }
    String[][] names = new String[2][4];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 4; c++) {
        names[r][c] = f.rfmLabel(r, c);
      }
    }
    section(sb, "RFM grid", legend.toString(), Svg.grid("RFM grid", rows, columns, names, f.rfmGrid()));
    section(sb, "Top complaint categories over time", "The five most frequent issue categories found in the "
        + "comments, per " + (f.daily() ? "day" : "week (starting Monday)") + ".",
        Svg.stacked("Top complaint categories over time", f.topCategories(), f.complaintsOverTime()));
    section(sb, "Campaign funnel", "From the profiles' counts: every member; engaged on social in 30 days; bought; "
        + "bought again; redeemed a coupon; invited a friend; brought a friend who qualified (the last three "
        + "shown when any profile has them).", Svg.funnel("Campaign funnel", f.funnel()));
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static String row(String name, String value) {
    return "<tr><th>" + Svg.escape(name) + "</th><td>" + Svg.escape(value) + "</td></tr>";
  }

  private static void section(StringBuilder sb, String title, String note, String svg) {
    sb.append("<section><h2>").append(Svg.escape(title)).append("</h2><p class=\"note\">").append(Svg.escape(note))
        .append("</p>\n").append(svg).append("</section>\n");
  }
}
