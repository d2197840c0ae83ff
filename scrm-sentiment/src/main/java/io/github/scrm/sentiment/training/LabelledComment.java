package io.github.scrm.sentiment.training;

import java.util.Objects;

/**
 * A training example. Its {@code toString()} redacts the text, as {@code Comment}'s does.
 *
 * @param text the comment
 * @param negative true for a negative comment (label 0 in the CLI), false for a positive one (label 1)
 */
public record LabelledComment(String text, boolean negative) {

  /** Validates the text. */
  public LabelledComment {
    Objects.requireNonNull(text, "text");
  }

  /** From the usual 0/1 label: 0 negative, 1 positive. */
  public static LabelledComment ofLabel(String text, int label) {
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("label must be 0 (negative) or 1 (positive), but was " + label);
    }
    return new LabelledComment(text, label == 0);
  }

  /** Shows the label and the text's length only: comments carry names and phone numbers. */
  @Override
  public String toString() {
    return "LabelledComment[text=****(" + text.length() + " chars), negative=" + negative + "]";
  }
}
