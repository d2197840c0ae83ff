package io.github.scrm.core.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class AttributeCatalogueDocTest {

  @Test
  void catalogueDoc_listsEveryStandardAttributeWithItsType() throws Exception {
    Path doc = Path.of("..", "docs", "attribute-catalogue.md");
    String text = Files.readString(doc);
    for (AttributeKey<?> key : StandardAttributes.ALL) {
      assertThat(text).as(key.name()).contains("| `" + key.name() + "` | " + key.type() + " | " + key.unit() + " |");
    }
  }
}
