package io.github.scrm.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts. Every label goes through {@link #escape}; sizes are fixed so the page lays out offline. */
final class Svg {

  /** A labelled value. */
  record Bar(String label, long value) {}

  /** One column of a stacked chart: a period and its value per series. */
  record Column(String label, Map<String, Long> values) {}

  static final String[] PALETTE = {"#2f6fb3", "#e07b39", "#3a9d5d", "#c0392b", "#8e6bbf", "#7f8c8d", "#d4a017"};

  private Svg() {}

  /** Escapes text for HTML element content and attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Horizontal bars, one per entry, largest value full width. */
  static String bars(String title, List<Bar> bars) {
    int labelW = 220;
    int barW = 600;
    int rowH = 26;
    int h = 20 + Math.max(1, bars.size()) * rowH;
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    StringBuilder sb = open(title, labelW + barW + 80, h);
    if (bars.isEmpty()) {
      text(sb, 10, 30, "no data", "start", "#666");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 10 + i * rowH;
      int w = (int) Math.max(b.value() > 0 ? 2 : 0, b.value() * barW / max);
      text(sb, labelW - 8, y + 17, b.label(), "end", "#222");
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
          labelW, y + 3, w, rowH - 8, PALETTE[0]));
      text(sb, labelW + w + 6, y + 17, count(b.value()), "start", "#222");
    }
    return sb.append("</svg>").toString();
  }

  /** A grid of cells shaded by value, each with its name and value: rows × columns, with headers. */
  static String grid(String title, List<String> rows, List<String> columns, String[][] names, long[][] values) {
    int headW = 120;
    int cellW = 170;
    int cellH = 70;
    int w = headW + columns.size() * cellW + 10;
    int h = 40 + rows.size() * cellH + 10;
    long max = 1;
    for (long[] r : values) {
      for (long v : r) {
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = open(title, w, h);
    for (int c = 0; c < columns.size(); c++) {
      text(sb, headW + c * cellW + cellW / 2, 28, columns.get(c), "middle", "#222");
    }
    for (int r = 0; r < rows.size(); r++) {
      int y = 40 + r * cellH;
      text(sb, headW - 8, y + cellH / 2 + 5, rows.get(r), "end", "#222");
      for (int c = 0; c < columns.size(); c++) {
        double share = (double) values[r][c] / max;
        int x = headW + c * cellW;
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"#fff\"/>",
            x, y, cellW - 4, cellH - 4, PALETTE[0], 0.08 + 0.85 * share));
        String ink = share > 0.5 ? "#fff" : "#222";
        text(sb, x + cellW / 2, y + cellH / 2 - 6, names[r][c], "middle", ink);
        text(sb, x + cellW / 2, y + cellH / 2 + 14, count(values[r][c]), "middle", ink);
      }
    }
    return sb.append("</svg>").toString();
  }

  /** Stacked columns per period with a legend of the series. */
  static String stacked(String title, List<String> series, List<Column> columns) {
    int left = 50;
    int plotH = 260;
    int colW = Math.max(24, Math.min(80, 760 / Math.max(1, columns.size())));
    int w = left + Math.max(1, columns.size()) * colW + 240;
    int h = plotH + 70;
    long max = 1;
    for (Column c : columns) {
      max = Math.max(max, c.values().values().stream().mapToLong(Long::longValue).sum());
    }
    StringBuilder sb = open(title, w, h);
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
        left, 10 + plotH, left + columns.size() * colW, 10 + plotH));
    text(sb, left - 6, 20, count(max), "end", "#666");
    text(sb, left - 6, 10 + plotH, "0", "end", "#666");
    if (columns.isEmpty()) {
      text(sb, left + 10, 40, "no complaints", "start", "#666");
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      int x = left + i * colW + 3;
      int y = 10 + plotH;
      for (int s = 0; s < series.size(); s++) {
        long v = c.values().getOrDefault(series.get(s), 0L);
        int hh = (int) (v * plotH / max);
        if (hh > 0) {
          y -= hh;
          sb.append(String.format(Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
              x, y, colW - 6, hh, PALETTE[s % PALETTE.length], escape(series.get(s)), count(v)));
        }
      }
      sb.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#444\" transform=\"rotate(45 %d %d)\">%s</text>",
          x + 4, 24 + plotH, x + 4, 24 + plotH, escape(c.label())));
    }
    int lx = left + columns.size() * colW + 20;
    for (int s = 0; s < series.size(); s++) {
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>",
          lx, 14 + s * 22, PALETTE[s % PALETTE.length]));
      text(sb, lx + 20, 26 + s * 22, series.get(s), "start", "#222");
    }
    return sb.append("</svg>").toString();
  }

  /** A funnel: centred bars narrowing with the value, each with its share of the first stage. */
  static String funnel(String title, List<Bar> stages) {
    int w = 820;
    int rowH = 46;
    int h = 20 + Math.max(1, stages.size()) * rowH;
    long first = stages.isEmpty() ? 1 : Math.max(1, stages.get(0).value());
    StringBuilder sb = open(title, w, h);
    for (int i = 0; i < stages.size(); i++) {
      Bar b = stages.get(i);
      int bw = (int) Math.max(4, b.value() * 520 / first);
      int x = 150 + (520 - bw) / 2;
      int y = 10 + i * rowH;
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"/>",
          x, y, bw, rowH - 8, PALETTE[i % PALETTE.length]));
      text(sb, 140, y + 24, b.label(), "end", "#222");
      text(sb, 680, y + 24, count(b.value()) + String.format(Locale.ROOT, " (%.1f%%)", 100.0 * b.value() / first),
          "start", "#222");
    }
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int w, int h) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"13\"><title>%s</title>", w, h, w, h, escape(title)));
  }

  private static void text(StringBuilder sb, int x, int y, String s, String anchor, String fill) {
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
        x, y, anchor, fill, escape(s)));
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
