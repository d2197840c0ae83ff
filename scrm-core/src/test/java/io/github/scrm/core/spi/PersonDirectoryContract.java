package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour referrals rely on in a {@link PersonDirectory}. A host's (or the profile module's) implementation
 * extends this class and implements {@link #directoryWith}.
 */
public abstract class PersonDirectoryContract {
  protected static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  protected static final CustomerId ALICE = CustomerId.of("alice");
  protected static final CustomerId BOB = CustomerId.of("bob");
  protected static final Identifier ALICE_OPENID = Identifier.scoped(IdentifierType.WECHAT_OPENID, "app", "oa");
  protected static final Identifier ALICE_DEVICE = Identifier.of(IdentifierType.DEVICE_ID, "dev-a");
  protected static final Identifier BOB_UNIONID = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open", "ub");

  /**
   * A directory in which Alice (known since {@link #T}) has {@link #ALICE_OPENID} and {@link #ALICE_DEVICE}, and Bob
   * (known since {@code T + 1 day}) has {@link #BOB_UNIONID}.
   */
  protected abstract PersonDirectory directoryWith();

  @Test
  void resolve_findsTheCustomerOfAnyIdentifier() {
    PersonDirectory d = directoryWith();

    assertThat(d.resolve(List.of(ALICE_DEVICE))).contains(ALICE);
    assertThat(d.resolve(List.of(Identifier.of(IdentifierType.DEVICE_ID, "unknown"), BOB_UNIONID))).contains(BOB);
    assertThat(d.resolve(List.of(Identifier.of(IdentifierType.DEVICE_ID, "unknown")))).isEmpty();
    assertThat(d.resolve(List.of())).isEmpty();
  }

  @Test
  void resolve_identifiersOfTwoCustomers_picksTheSmallestId() {
    assertThat(directoryWith().resolve(List.of(BOB_UNIONID, ALICE_OPENID))).contains(ALICE);
  }

  @Test
  void identifiersOf_listsWhatIsKnown() {
    PersonDirectory d = directoryWith();

    assertThat(d.identifiersOf(ALICE)).containsExactlyInAnyOrder(ALICE_OPENID, ALICE_DEVICE);
    assertThat(d.identifiersOf(CustomerId.of("ghost"))).isEqualTo(Set.of());
  }

  @Test
  void firstSeen_isWhenTheCustomerBecameKnown() {
    PersonDirectory d = directoryWith();

    assertThat(d.firstSeen(ALICE)).contains(T);
    assertThat(d.firstSeen(BOB)).contains(T.plusSeconds(86_400));
    assertThat(d.firstSeen(CustomerId.of("ghost"))).isEmpty();
  }
}
