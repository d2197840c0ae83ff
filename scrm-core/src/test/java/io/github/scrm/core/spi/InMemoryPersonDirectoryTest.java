package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class InMemoryPersonDirectoryTest extends PersonDirectoryContract {
  @Override
  protected PersonDirectory directoryWith() {
    return PersonDirectory.inMemory().add(ALICE, T, ALICE_OPENID, ALICE_DEVICE)
        .add(BOB, T.plusSeconds(86_400), BOB_UNIONID);
  }

  @Test
  void add_identifierOfAnotherCustomer_isRefused() {
    PersonDirectory.InMemoryPersonDirectory d = PersonDirectory.inMemory().add(ALICE, T, ALICE_OPENID);

    assertThatThrownBy(() -> d.add(BOB, T, ALICE_OPENID)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already belongs to customer alice");
    assertThat(d.resolve(List.of(ALICE_OPENID))).contains(ALICE);
  }

  @Test
  void add_twice_keepsTheEarlierFirstSeen() {
    PersonDirectory.InMemoryPersonDirectory d = PersonDirectory.inMemory().add(ALICE, T.plusSeconds(60))
        .add(ALICE, T);

    assertThat(d.firstSeen(ALICE)).contains(T);
  }
}
