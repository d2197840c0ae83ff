package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import java.math.BigDecimal;
import java.util.Optional;

final class RecordingInfluenceSinkTest extends InfluenceSinkContract {
  @Override
  protected InfluenceSink newSink() {
    return InfluenceSink.recording();
  }

  @Override
  protected Optional<BigDecimal> stored(InfluenceSink sink, CustomerId customer) {
    return Optional.ofNullable(((InfluenceSink.RecordingInfluenceSink) sink).scores().get(customer));
  }
}
