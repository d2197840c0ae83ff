package io.github.scrm.cli.io;

import java.util.Locale;

/**
 * The two table formats, chosen by file extension. Tab-separated files are not read or written: a .tsv name is an
 * unknown format rather than a CSV file parsed at its commas.
 */
public enum Format {
  /** Comma-separated values with a header row. */
  CSV,
  /** One JSON object per line. */
  JSONL;

  /** The format of a path by extension: .csv is CSV, .jsonl/.ndjson/.json is JSON Lines; null when unknown. */
  public static Format ofPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".csv")) {
      return CSV;
    }
    if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) {
      return JSONL;
    }
    return null;
  }
}
