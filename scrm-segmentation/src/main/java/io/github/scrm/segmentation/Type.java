package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeType;

/** Static types of the expression language. */
enum Type {
  BOOL, NUMBER, MONEY, STRING, SET, INSTANT, DATE, DURATION, STRING_SET_LITERAL, NUMBER_SET_LITERAL, ERROR;

  static Type of(AttributeType t) {
    return switch (t) {
      case BOOLEAN -> BOOL;
      case LONG, DECIMAL -> NUMBER;
      case MONEY -> MONEY;
      case STRING -> STRING;
      case STRING_SET -> SET;
      case INSTANT -> INSTANT;
      case DATE -> DATE;
    };
  }

  String describe() {
    return switch (this) {
      case BOOL -> "a condition";
      case NUMBER -> "a number";
      case MONEY -> "money";
      case STRING -> "a string";
      case SET -> "a set attribute";
      case INSTANT -> "an instant";
      case DATE -> "a date";
      case DURATION -> "a duration";
      case STRING_SET_LITERAL -> "a set of strings";
      case NUMBER_SET_LITERAL -> "a set of numbers";
      case ERROR -> "an invalid expression";
    };
  }
}
