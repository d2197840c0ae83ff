package io.github.scrm.sentiment;

import io.github.scrm.sentiment.internal.LexiconEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terms the default scorer matches, with their kinds, weights and issue categories, and the categories
 * themselves. The library ships a versioned built-in lexicon ({@link #builtIn()}); a host parses its own file in the
 * same format ({@link #parse(Reader, String)}) and layers it on top ({@link #extendedWith(Lexicon)}): its terms replace
 * built-in ones with the same normalised form, its categories are added or replace those with the same id.
 *
 * <p>Format, one entry per line, fields separated by a TAB ({@code docs/sentiment.md} has the details):
 *
 * <pre>
 * &#64;version 1
 * &#64;category delivery_speed	medium	Delivery speed
 * 送得慢	neg	2.0	delivery_speed
 * 好	pos	1.0	-	modifier=1.4
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Lexicon {

  private static final String BUILT_IN = "lexicon.tsv";
  private static volatile Lexicon builtIn;

  private final String version;
  private final List<IssueCategory> categories;
  private final List<LexiconEntry> entries;
  private volatile LexiconEngine engine;

  private Lexicon(String version, List<IssueCategory> categories, List<LexiconEntry> entries) {
    this.version = version;
    this.categories = List.copyOf(categories);
    this.entries = List.copyOf(entries);
  }

  /** The lexicon shipped with the library (retail, e-commerce and food delivery; Chinese, English, emoji). */
  public static Lexicon builtIn() {
    Lexicon result = builtIn;
    if (result == null) {
      synchronized (Lexicon.class) {
        result = builtIn;
        if (result == null) {
          try (InputStream in = Lexicon.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
              throw new IllegalStateException("built-in lexicon resource " + BUILT_IN + " is missing from the jar");
            }
            result = parse(new InputStreamReader(in, StandardCharsets.UTF_8), "builtin");
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in lexicon", e);
          }
          builtIn = result;
        }
      }
    }
    return result;
  }

  /**
   * Parses a lexicon file.
   *
   * @param reader the text, UTF-8 decoded
   * @param source a name for error messages and the version string (a file name, say)
   * @throws IllegalArgumentException listing every bad line with its number
   */
  public static Lexicon parse(Reader reader, String source) {
    List<String> problems = new ArrayList<>();
    List<IssueCategory> categories = new ArrayList<>();
    List<LexiconEntry> entries = new ArrayList<>();
    String version = "0";
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        try {
          if (f[0].equals("@version")) {
            version = field(f, 1, "version").trim();
          } else if (f[0].equals("@category")) {
            categories.add(new IssueCategory(field(f, 1, "id").trim(),
                severity(field(f, 2, "severity")), field(f, 3, "label").trim()));
          } else {
            entries.add(entry(f));
          }
        } catch (IllegalArgumentException e) {
          problems.add(source + " line " + number + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + source, e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("lexicon " + source + " has " + problems.size() + " bad line(s): "
          + String.join("; ", problems.subList(0, Math.min(20, problems.size()))));
    }
    Lexicon lexicon = new Lexicon(source + "@" + version, categories, entries);
    lexicon.engine(); // validates category references now, not at first use
    return lexicon;
  }

  /** Parses lexicon text held in a string. */
  public static Lexicon parse(String text, String source) {
    return parse(new StringReader(text), source);
  }

  /**
   * This lexicon with {@code overrides} layered on top: its entries replace those with the same normalised term, its
   * categories replace those with the same id or are added.
   */
  public Lexicon extendedWith(Lexicon overrides) {
    Map<String, IssueCategory> merged = new LinkedHashMap<>();
    categories.forEach(c -> merged.put(c.id(), c));
    overrides.categories.forEach(c -> merged.put(c.id(), c));
    List<LexiconEntry> all = new ArrayList<>(entries);
    all.addAll(overrides.entries);
    Lexicon lexicon = new Lexicon(version + "+" + overrides.version, new ArrayList<>(merged.values()), all);
    lexicon.engine();
    return lexicon;
  }

  /** The sources and versions this lexicon was built from, e.g. {@code builtin@2+shop.tsv@3}. */
  public String version() {
    return version;
  }

  /** The declared issue categories. */
  public List<IssueCategory> categories() {
    return categories;
  }

  /** The category with this id. */
  public Optional<IssueCategory> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** All entries in file order; for the same normalised term the last one wins. */
  public List<LexiconEntry> entries() {
    return entries;
  }

  LexiconEngine engine() {
    LexiconEngine result = engine;
    if (result == null) {
      result = new LexiconEngine(entries, categories);
      engine = result;
    }
    return result;
  }

  private static String field(String[] f, int index, String name) {
    if (index >= f.length || f[index].isBlank()) {
      throw new IllegalArgumentException(name + " (field " + (index + 1) + ") is missing");
    }
    return f[index];
  }

  private static Severity severity(String text) {
    try {
      return Severity.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "severity must be one of none, low, medium, high, critical, but was '" + text + "'", e);
    }
  }

  private static LexiconEntry entry(String[] f) {
    String term = field(f, 0, "term");
    TermKind kind = TermKind.parse(field(f, 1, "kind"));
    double weight;
    String w = field(f, 2, "weight").trim();
    try {
      weight = Double.parseDouble(w);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("weight must be a number, but was '" + w + "'", e);
    }
    List<String> cats = new ArrayList<>();
    if (f.length > 3 && !f[3].isBlank() && !f[3].trim().equals("-")) {
      for (String c : f[3].split(",")) {
        cats.add(c.trim());
      }
    }
    double modifier = 0;
    for (int i = 4; i < f.length; i++) {
      String option = f[i].trim();
      if (option.startsWith("modifier=")) {
        try {
          modifier = Double.parseDouble(option.substring("modifier=".length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("modifier must be a number, but was '" + option + "'", e);
        }
      } else if (!option.isEmpty()) {
        throw new IllegalArgumentException("unknown option '" + option + "', expected modifier=<number>");
      }
    }
    return new LexiconEntry(term, kind, weight, cats, modifier);
  }
}
