package io.github.scrm.segmentation.tier;

/** The eight RFM value classes retailers use, each with its usual Chinese name. */
public enum RfmClass {
  /** Recent, frequent, high spend. */
  IMPORTANT_VALUE("重要价值", true, true, true),
  /** Recent, infrequent, high spend: grow frequency. */
  IMPORTANT_DEVELOPMENT("重要发展", true, false, true),
  /** Not recent, frequent, high spend: keep them. */
  IMPORTANT_RETENTION("重要保持", false, true, true),
  /** Not recent, infrequent, high spend: win them back. */
  IMPORTANT_WINBACK("重要挽留", false, false, true),
  /** Recent, frequent, low spend. */
  GENERAL_VALUE("一般价值", true, true, false),
  /** Recent, infrequent, low spend. */
  GENERAL_DEVELOPMENT("一般发展", true, false, false),
  /** Not recent, frequent, low spend. */
  GENERAL_RETENTION("一般保持", false, true, false),
  /** Not recent, infrequent, low spend. */
  GENERAL_WINBACK("一般挽留", false, false, false);

  private final String label;
  private final boolean recent;
  private final boolean frequent;
  private final boolean valuable;

  RfmClass(String label, boolean recent, boolean frequent, boolean valuable) {
    this.label = label;
    this.recent = recent;
    this.frequent = frequent;
    this.valuable = valuable;
  }

  /** The Chinese name, also the tag id in the shipped rule set. */
  public String label() {
    return label;
  }

  /** Whether customers of this class bought recently. */
  public boolean recent() {
    return recent;
  }

  /** Whether customers of this class buy frequently. */
  public boolean frequent() {
    return frequent;
  }

  /** Whether customers of this class spend much. */
  public boolean valuable() {
    return valuable;
  }

  /** The class of a customer who is (not) recent, (not) frequent and (not) valuable. */
  public static RfmClass of(boolean recent, boolean frequent, boolean valuable) {
    for (RfmClass c : values()) {
      if (c.recent == recent && c.frequent == frequent && c.valuable == valuable) {
        return c;
      }
    }
    throw new AssertionError("all eight combinations are listed");
  }
}
