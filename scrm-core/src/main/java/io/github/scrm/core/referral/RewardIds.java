package io.github.scrm.core.referral;

/**
 * How reward ids are spelt: {@code programme|subject|trigger} for a direct reward (the referee, or the poster owner of
 * a ladder step), {@code programme|subject|trigger|L<level>} for an indirect reward of level 2 and up.
 *
 * <p>Every component is the host's free text (a programme id, a customer id, an order id inside {@code order:<id>}),
 * so each is escaped before joining: a backslash becomes {@code \\} and a bar {@code \|}. Read left to right, an
 * unescaped bar is always a separator, so an id decodes to exactly one list of components: two rewards that differ in
 * programme, subject, trigger or level never share an id, whatever characters the host's ids hold. Escaping was chosen
 * over length prefixes because ids without a backslash or a bar (nearly all of them) keep the spelling they always
 * had: a direct reward stored before keeps its id, so a purchase delivered again still finds it and earns nothing twice.
 */
final class RewardIds {

  private RewardIds() {}

  /** The id of the reward of {@code level} (1 for the direct reward) for {@code subject}'s {@code trigger}. */
  static String of(String programme, String subject, String trigger, int level) {
    if (level < 1) {
      throw new IllegalArgumentException("level must be at least 1, but was " + level);
    }
    StringBuilder id = new StringBuilder(programme.length() + subject.length() + trigger.length() + 8);
    escape(programme, id).append('|');
    escape(subject, id).append('|');
    escape(trigger, id);
    if (level > 1) {
      id.append("|L").append(level);
    }
    return id.toString();
  }

  /**
   * The id an indirect reward had before levels were explicit ({@code programme|subject|trigger:L<level>}, nothing
   * escaped), so that a refund still finds an upper-level reward stored under it. Such an id can coincide with the
   * direct reward of another order (order {@code X}'s level 2 and order {@code X:L2}'s level 1): callers must check the
   * found reward's order.
   */
  static String legacy(String programme, String subject, String trigger, int level) {
    return programme + "|" + subject + "|" + trigger + ":L" + level;
  }

  private static StringBuilder escape(String component, StringBuilder to) {
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '\\' || c == '|') {
        to.append('\\');
      }
      to.append(c);
    }
    return to;
  }
}
