package io.github.scrm.sentiment;

/** A language rule that changed the weight of a matched term, reported as evidence. */
public enum Rule {
  /** A negator (不, 没有, not ...) in scope turned the term around. */
  NEGATION,
  /** Two negators cancelled out (不是不好吃). */
  DOUBLE_NEGATION,
  /** A degree adverb (很, 非常, 有点 ...) scaled the term. */
  DEGREE,
  /** The term follows a contrast word (但是, 不过 ...) and weighs more. */
  CONTRAST_LATER,
  /** The term precedes a contrast word and weighs less. */
  CONTRAST_EARLIER,
  /** The clause is a rhetorical question (这也叫好吃?), so its praise counts as complaint. */
  RHETORICAL_QUESTION,
  /** A sarcasm cue (呵呵, 好个屁) turned the comment's praise into complaint. */
  SARCASM,
  /** The term is what the author expected (还以为很好吃), so the opposite happened: it turns around, weaker. */
  EXPECTATION,
  /** Repeated punctuation (!!!, ???) strengthened the clause. */
  REPEATED_PUNCTUATION,
  /** A star rating given with the comment. */
  RATING
}
