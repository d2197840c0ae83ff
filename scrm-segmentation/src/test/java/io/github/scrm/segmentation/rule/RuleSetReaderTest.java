package io.github.scrm.segmentation.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RuleSetReaderTest {

  @Test
  void read_malformedJson_givesLineAndColumn() {
    RuleSetDocument doc = RuleSetReader.read("{\n  \"schemaVersion\": 1,\n  \"name\": }");
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("malformed-json");
      assertThat(p.line()).isEqualTo(3);
    });
  }

  @Test
  void read_wrongSchemaVersionAndMissingFields_reportsEach() {
    RuleSetDocument doc = RuleSetReader.read("{\"schemaVersion\": 7, \"rules\": [{\"id\": \"a b\", \"when\": \"x.y >\", "
        + "\"colour\": 1}]}");
    assertThat(doc.problems()).extracting(Problem::pointer)
        .contains("/schemaVersion", "/name", "/version", "/rules/0/id", "/rules/0/colour", "/rules/0/when");
  }

  @Test
  void read_jsonTreeAndExpressionText_giveEqualConditions() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 2, "rules": [
          {"id": "a", "when": "orders.discountedShare > 0.6 and coupons.redeemed >= 3 and spend.total >= ¥300"},
          {"id": "b", "when": {"and": [{">": [{"var": "orders.discountedShare"}, 0.60]},
                                       {">=": [{"var": "coupons.redeemed"}, 3]},
                                       {">=": [{"var": "spend.total"}, {"money": "300.00 CNY"}]}]}}
        ]}""");
    assertThat(doc.problems()).isEmpty();
    assertThat(doc.rules().get(0).condition().expression()).isEqualTo(doc.rules().get(1).condition().expression());
    assertThat(doc.version()).isEqualTo(2);
  }

  @Test
  void read_badJsonTree_pointsIntoTheTree() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "rules": [
          {"id": "a", "when": {"and": [{">": [1]}, [1, 2]]}}]}""");
    assertThat(doc.problems()).extracting(Problem::pointer)
        .containsExactlyInAnyOrder("/rules/0/when/and/0/>", "/rules/0/when/and/1");
  }

  @Test
  void read_unknownTopLevelField_isReportedWithItsPointer() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "currncy": "USD",
         "rules": [{"id": "a", "when": "orders.count > 1"}]}""");
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("unknown-field");
      assertThat(p.pointer()).isEqualTo("/currncy");
      assertThat(p.message()).contains("currency");
    });
  }

  @Test
  void read_valuesOfTheWrongJsonType_areReportedNotCoerced() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": "1", "name": 7, "version": 2.9, "currency": 156, "rules": [
          {"id": 5, "kind": 1, "description": 2, "owner": false, "ttl": 30, "priority": 3.7, "when": "orders.count > 1"}
        ]}""");
    assertThat(doc.problems()).extracting(Problem::pointer).containsExactlyInAnyOrder("/schemaVersion", "/name",
        "/version", "/currency", "/rules/0/id", "/rules/0/kind", "/rules/0/description", "/rules/0/owner",
        "/rules/0/ttl", "/rules/0/priority");
    assertThat(doc.problems()).filteredOn(p -> p.pointer().equals("/version")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("2.9"));
  }

  @Test
  void read_priorityOutsideTheIntRange_isReported() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "rules": [
          {"id": "a", "priority": 3000000000, "when": "orders.count > 1"}]}""");
    assertThat(doc.problems()).extracting(Problem::pointer).containsExactly("/rules/0/priority");
  }

  @Test
  void read_contentAfterTheDocument_isMalformed() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "rules": []}
        {"schemaVersion": 1, "name": "other", "version": 1, "rules": []}""");
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("malformed-json");
      assertThat(p.line()).isEqualTo(2);
    });
  }

  @Test
  void read_ttlOnASegment_isRejected() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "rules": [
          {"id": "a", "kind": "segment", "ttl": "30d", "when": "orders.count > 1"}]}""");
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("bad-value");
      assertThat(p.pointer()).isEqualTo("/rules/0/ttl");
      assertThat(p.message()).contains("tags only");
    });
  }

  @Test
  void read_numbersBeyondTheRangeOfDoubles_areProblemsAtTheirPointer_notAnEndlessPlainRendering() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "rules": [
          {"id": "a", "when": {"==": [{"var": "profile.city"}, 1e999999999]}},
          {"id": "b", "when": {">": [{"var": "orders.discountedShare"}, -1e-999999999]}},
          {"id": "c", "when": {"<": [{"var": "orders.count"}, 1e300]}}
        ]}""");
    assertThat(doc.problems()).hasSize(2);
    assertThat(doc.problems().get(0)).satisfies(p -> {
      assertThat(p.code()).isEqualTo("syntax");
      assertThat(p.pointer()).isEqualTo("/rules/0/when/==/1");
      assertThat(p.message()).contains("1E+999999999").hasSizeLessThan(200);
    });
    assertThat(doc.problems().get(1)).satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/rules/1/when/>/1");
      assertThat(p.message()).contains("-1E-999999999");
    });
  }

  @Test
  void read_setWithABadElement_isAProblemAtTheElement_notAnException() {
    RuleSetDocument doc = RuleSetReader.read("""
        {"schemaVersion": 1, "name": "n", "version": 1, "rules": [
          {"id": "a", "when": {"in": [{"var": "profile.city"}, {"set": ["上海", {"var": 5}]}]}}
        ]}""");
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("syntax");
      assertThat(p.pointer()).isEqualTo("/rules/0/when/in/1/set/1/var");
    });
  }
}
