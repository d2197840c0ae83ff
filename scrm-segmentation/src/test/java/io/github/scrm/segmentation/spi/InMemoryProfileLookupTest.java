package io.github.scrm.segmentation.spi;

import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import java.util.Map;

final class InMemoryProfileLookupTest extends ProfileLookupContract {

  @Override
  protected ProfileLookup lookupOf(Map<CustomerId, AttributeValues> profiles) {
    return ProfileLookup.of(profiles);
  }
}
