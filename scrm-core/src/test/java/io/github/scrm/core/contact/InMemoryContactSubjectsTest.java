package io.github.scrm.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InMemoryContactSubjectsTest {

  @Test
  void put_replacesAndRemove_forgets() {
    InMemoryContactSubjects subjects = new InMemoryContactSubjects();
    CustomerId alice = CustomerId.of("alice");
    subjects.put(ContactFixtures.consentingToEverything(alice));
    subjects.put(io.github.scrm.core.spi.ContactSubject.of(alice, List.of()));

    assertThat(subjects.find(alice)).hasValueSatisfying(s -> assertThat(s.consents()).isEmpty());
    assertThat(subjects.remove(alice)).isTrue();
    assertThat(subjects.find(alice)).isEmpty();
    assertThat(subjects.remove(alice)).isFalse();
  }
}
