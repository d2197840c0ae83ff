package io.github.scrm.cli.io;

import java.util.Locale;

/** The two table formats, chosen by file extension. */
public enum Format {
  /** Comma-separated values with a header row. */
  CSV,
  /** One JSON object per line. */
  JSONL;

  /** The format of a path by extension: .csv is CSV, .jsonl/.ndjson/.json is JSON Lines; null when unknown. */
  public static Format ofPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".csv") || p.endsWith(".tsv")) {
      return CSV;
    }
    if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) {
      return JSONL;
    }
    return null;
  }
}
