package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class JsonLocationsTest {

  private static final String DOC = String.join("\n",
      "{",
      "  \"name\": \"shop\",",
      "  \"rules\": [",
      "    {\"id\": \"a\", \"when\": \"x > 1\"},",
      "    {\"id\": \"b\",",
      "     \"when\": {\"all\": [1,",
      "        2]}},",
      "    [7, 8]",
      "  ],",
      "  \"a/b\": 1",
      "}");

  @Test
  void line_ofFieldsArrayElementsAndNestedValues() {
    JsonLocations where = JsonLocations.of(DOC);
    assertThat(where.line("")).isEqualTo(1);
    assertThat(where.line("/name")).isEqualTo(2);
    assertThat(where.line("/rules")).isEqualTo(3);
    assertThat(where.line("/rules/0")).isEqualTo(4);
    assertThat(where.line("/rules/0/when")).isEqualTo(4);
    assertThat(where.line("/rules/1")).isEqualTo(5);
    assertThat(where.line("/rules/1/when")).isEqualTo(6);
    assertThat(where.line("/rules/1/when/all/1")).isEqualTo(7);
    assertThat(where.line("/rules/2/1")).isEqualTo(8);
    assertThat(where.line("/a~1b")).isEqualTo(10);
  }

  @Test
  void line_ofAMissingPointer_isItsNearestParent() {
    JsonLocations where = JsonLocations.of(DOC);
    assertThat(where.line("/rules/1/priority")).isEqualTo(5);
    assertThat(where.line("/nothing/here")).isEqualTo(1);
  }

  @Test
  void of_malformedDocument_keepsWhatPrecedesTheError() {
    JsonLocations where = JsonLocations.of("{\n \"a\": 1,\n \"b\": }");
    assertThat(where.line("/a")).isEqualTo(2);
    assertThat(where.line("/b")).as("the parser fails before reporting the field: its parent").isEqualTo(1);
  }
}
