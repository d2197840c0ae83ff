package io.github.scrm.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.PersonDirectory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

final class ScreeningTest {
  private static final CustomerId A = CustomerId.of("a");
  private static final CustomerId B = CustomerId.of("b");
  private static final CustomerId C = CustomerId.of("c");
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  private final Map<CustomerId, CustomerId> referrerOf = new ConcurrentHashMap<>();
  private final Screening screening = new Screening(PersonDirectory.inMemory(), referrerOf);

  @Test
  void cycle_refereeUpstreamOfReferrer_isFlagged() {
    referrerOf.put(B, A); // A referred B
    referrerOf.put(C, B); // B referred C

    assertThat(screening.cycle(B, A)).get().extracting(FraudFlag::signal).isEqualTo(FraudSignal.CYCLE);
    assertThat(screening.cycle(C, A)).get().satisfies(f -> assertThat(f.detail()).contains("2 level(s)"));
    assertThat(screening.cycle(A, C)).isEmpty();
  }

  @Test
  void selfReferral_sameCustomer_isFlagged() {
    assertThat(screening.selfReferral(A, Optional.of(A), java.util.List.of())).isPresent();
  }

  @Test
  void velocity_flagsFromTheKthQualificationInAnHour() {
    TreeMap<Instant, Integer> recent = new TreeMap<>();
    recent.put(T, 2);
    recent.put(T.plusSeconds(600), 1);

    assertThat(Screening.velocity(recent, T.plusSeconds(1200), 3, A)).get()
        .satisfies(f -> assertThat(f.detail()).contains("had 3 qualifications"));
    assertThat(Screening.velocity(recent, T.plusSeconds(1200), 4, A)).isEmpty();
    assertThat(Screening.velocity(recent, T.plusSeconds(3601), 2, A)).isEmpty();
  }
}
