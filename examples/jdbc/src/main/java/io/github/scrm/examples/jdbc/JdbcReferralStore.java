package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.Attribution;
import io.github.scrm.core.referral.CodeAssignment;
import io.github.scrm.core.referral.FraudFlag;
import io.github.scrm.core.referral.ImmutableReward;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.RewardState;
import io.github.scrm.core.referral.SupportRecord;
import io.github.scrm.core.spi.ReferralStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ReferralStore} over JDBC, at {@code READ COMMITTED}. Rewards, attributions, codes and supports are
 * insert-if-absent on their keys ({@code INSERT ... ON CONFLICT DO NOTHING}, the row count says whether this call
 * stored it); a reward changes only by {@code UPDATE ... WHERE reward_id = ? AND version = ?}, so of concurrent
 * replacements of one version exactly one applies and a reward is paid at most once, also across restarts.
 * Thread-safe.
 */
public final class JdbcReferralStore implements ReferralStore {

  private static final String REWARD_COLUMNS = "reward_id, programme, beneficiary_id, referee_id, trigger_name, "
      + "order_id, reward_key, value_minor, currency, state, qualified_at, payable_at, review_deadline, flags, note, "
      + "reference_id, version, reward_level";
  private static final TypeReference<List<FraudFlag>> FLAGS = new TypeReference<>() {};
  private static final TypeReference<List<String>> KEYS = new TypeReference<>() {};

  private final JdbcDatabase db;
  private final ObjectMapper json = ScrmJson.mapper();

  private JdbcReferralStore(JdbcDatabase db) {
    this.db = db;
  }

  /** A store over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcReferralStore create(JdbcDatabase database) {
    return new JdbcReferralStore(Objects.requireNonNull(database, "database"));
  }

  @Override
  public boolean insert(Reward r) {
    String flags = flags(r.flags());
    return db.inTransaction(c -> Sql.update(c, "INSERT INTO referral_reward (" + REWARD_COLUMNS + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", r.rewardId(), r.programme(),
        r.beneficiary().value(), r.referee().map(CustomerId::value).orElse(null), r.trigger(),
        r.orderId().orElse(null), r.rewardKey(), r.value().minorUnits(), r.value().currency().getCurrencyCode(),
        r.state().name(), r.qualifiedAt(), r.payableAt(), Sql.instantOrNull(r.reviewDeadline()), flags, r.note(),
        r.reference().orElse(null), r.version(), r.level()) == 1);
  }

  @Override
  public Optional<Reward> find(String rewardId) {
    return db.inTransaction(c -> Sql.first(c, "SELECT " + REWARD_COLUMNS + " FROM referral_reward WHERE reward_id = ?",
        this::reward, rewardId));
  }

  @Override
  public boolean replace(Reward expected, Reward next) {
    if (!next.rewardId().equals(expected.rewardId()) || next.version() != expected.version() + 1) {
      throw new IllegalArgumentException("replacement must keep the id and have version " + (expected.version() + 1)
          + ", but was " + next.rewardId() + " version " + next.version());
    }
    String flags = flags(next.flags());
    return db.inTransaction(c -> Sql.update(c, "UPDATE referral_reward SET programme = ?, beneficiary_id = ?, "
        + "referee_id = ?, trigger_name = ?, order_id = ?, reward_key = ?, value_minor = ?, currency = ?, state = ?, "
        + "qualified_at = ?, payable_at = ?, review_deadline = ?, flags = ?, note = ?, reference_id = ?, version = ?, "
        + "reward_level = ? WHERE reward_id = ? AND version = ?", next.programme(), next.beneficiary().value(),
        next.referee().map(CustomerId::value).orElse(null), next.trigger(), next.orderId().orElse(null),
        next.rewardKey(), next.value().minorUnits(), next.value().currency().getCurrencyCode(), next.state().name(),
        next.qualifiedAt(), next.payableAt(), Sql.instantOrNull(next.reviewDeadline()), flags, next.note(),
        next.reference().orElse(null), next.version(), next.level(), next.rewardId(), expected.version()) == 1);
  }

  @Override
  public List<Reward> rewardsOf(String programme) {
    List<Reward> rewards = new ArrayList<>(db.inTransaction(c -> Sql.query(c, "SELECT " + REWARD_COLUMNS
        + " FROM referral_reward WHERE programme = ?", this::reward, programme)));
    rewards.sort(Comparator.comparing(Reward::rewardId)); // Java order, whatever the database's collation
    return rewards;
  }

  private Reward reward(ResultSet rs) throws SQLException {
    return ImmutableReward.builder()
        .rewardId(rs.getString("reward_id"))
        .programme(rs.getString("programme"))
        .beneficiary(CustomerId.of(rs.getString("beneficiary_id")))
        .referee(Optional.ofNullable(rs.getString("referee_id")).map(CustomerId::of))
        .trigger(rs.getString("trigger_name"))
        .orderId(Optional.ofNullable(rs.getString("order_id")))
        .rewardKey(rs.getString("reward_key"))
        .value(Money.of(rs.getLong("value_minor"), Currency.getInstance(rs.getString("currency"))))
        .state(RewardState.valueOf(rs.getString("state")))
        .qualifiedAt(Sql.instant(rs, "qualified_at"))
        .payableAt(Sql.instant(rs, "payable_at"))
        .reviewDeadline(Optional.ofNullable(Sql.nullableInstant(rs, "review_deadline")))
        .addAllFlags(readFlags(rs.getString("flags")))
        .note(rs.getString("note"))
        .reference(Optional.ofNullable(rs.getString("reference_id")))
        .version(rs.getLong("version"))
        .level(rs.getInt("reward_level"))
        .build();
  }

  @Override
  public boolean attribute(Attribution a) {
    return db.inTransaction(c -> Sql.update(c, "INSERT INTO referral_attribution (programme, referee_id, "
        + "referrer_id, explicit, touched_at, attributed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        a.programme(), a.referee().value(), a.referrer().value(), a.explicit(), a.touchedAt(), a.attributedAt()) == 1);
  }

  @Override
  public Optional<Attribution> attributionOf(String programme, CustomerId referee) {
    return db.inTransaction(c -> Sql.first(c, "SELECT referrer_id, explicit, touched_at, attributed_at "
        + "FROM referral_attribution WHERE programme = ? AND referee_id = ?",
        rs -> new Attribution(programme, referee, CustomerId.of(rs.getString(1)), rs.getBoolean(2),
            Sql.instant(rs, "touched_at"), Sql.instant(rs, "attributed_at")), programme, referee.value()));
  }

  @Override
  public boolean assignCode(CodeAssignment a) {
    return db.inTransaction(c -> Sql.update(c, "INSERT INTO referral_code (code, programme, owner_id, issued_at) "
        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", a.code().value(), a.programme(), a.owner().value(),
        a.issuedAt()) == 1);
  }

  @Override
  public Optional<CodeAssignment> codeOwner(ReferralCode code) {
    return db.inTransaction(c -> Sql.first(c, "SELECT code, programme, owner_id, issued_at FROM referral_code "
        + "WHERE code = ?", JdbcReferralStore::assignment, code.value()));
  }

  @Override
  public Optional<CodeAssignment> codeOf(String programme, CustomerId owner) {
    return db.inTransaction(c -> Sql.first(c, "SELECT code, programme, owner_id, issued_at FROM referral_code "
        + "WHERE programme = ? AND owner_id = ?", JdbcReferralStore::assignment, programme, owner.value()));
  }

  private static CodeAssignment assignment(ResultSet rs) throws SQLException {
    return new CodeAssignment(new ReferralCode(rs.getString(1)), rs.getString(2), CustomerId.of(rs.getString(3)),
        Sql.instant(rs, "issued_at"));
  }

  @Override
  public boolean recordSupport(SupportRecord support) {
    String keys = CouponRows.write(support.identifierKeys());
    return db.inTransaction(c -> Sql.update(c, "INSERT INTO referral_support (campaign, poster_code, person, "
        + "identifier_keys, device, network, supported_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        support.campaign(), support.poster().value(), support.person(), keys, support.device().orElse(null),
        support.network().orElse(null), support.at()) == 1);
  }

  @Override
  public List<SupportRecord> supportsOf(String campaign) {
    return db.inTransaction(c -> Sql.query(c, "SELECT campaign, poster_code, person, identifier_keys, device, "
        + "network, supported_at FROM referral_support WHERE campaign = ? ORDER BY seq",
        rs -> new SupportRecord(rs.getString(1), new ReferralCode(rs.getString(2)), rs.getString(3),
            readKeys(rs.getString(4)), Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
            Sql.instant(rs, "supported_at")), campaign));
  }

  @Override
  public int redactSupports(String person, String anonymousName) {
    if (anonymousName.isBlank() || anonymousName.equals(person)) {
      throw new IllegalArgumentException("anonymousName must be a fresh, non-blank name other than the erased one");
    }
    String none = CouponRows.write(List.of());
    // one statement: the unique (campaign, poster_code, person) key moves with the rows, the count stays
    return db.inTransaction(c -> Sql.update(c, "UPDATE referral_support SET person = ?, identifier_keys = ?, "
        + "device = NULL, network = NULL WHERE person = ?", anonymousName, none, person));
  }

  private List<String> readKeys(String text) {
    try {
      return json.readValue(text, KEYS);
    } catch (JsonProcessingException e) {
      throw new ScrmException("stored identifier keys are unreadable: " + ScrmJson.describe(e), e);
    }
  }

  private String flags(List<FraudFlag> flags) {
    try {
      return json.writeValueAsString(flags);
    } catch (JsonProcessingException e) {
      throw new ScrmException("cannot write fraud flags as JSON", e);
    }
  }

  private List<FraudFlag> readFlags(String text) {
    try {
      return json.readValue(text, FLAGS);
    } catch (JsonProcessingException e) {
      throw new ScrmException("stored fraud flags are unreadable: " + ScrmJson.describe(e), e);
    }
  }
}
