package io.github.scrm.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.ImportReport;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.JsonLines;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.Identities;
import io.github.scrm.core.identity.IdentityGuardrails;
import io.github.scrm.core.identity.PersonalData;
import io.github.scrm.core.internal.Context;
import io.github.scrm.core.internal.CustomerTable;
import io.github.scrm.core.internal.Engine;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.internal.IdentitiesView;
import io.github.scrm.core.internal.PrivacyService;
import io.github.scrm.core.privacy.Privacy;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.profile.ProfileDocument;
import io.github.scrm.core.spi.CustomerValue;
import io.github.scrm.core.spi.CustomerValueLookup;
import io.github.scrm.core.spi.ErasureStore;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.MergeStore;
import io.github.scrm.core.spi.PersonalDataParticipant;
import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.time.BusinessTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of scrm-core: ingest customer events, look up profiles by customer id or by any identifier, and
 * reach identity resolution ({@link #identities()}) and PIPL requests ({@link #privacy()}). Thread-safe.
 *
 * <pre>{@code
 * Scrm scrm = Scrm.builder()
 *     .clock(Clock.systemUTC())
 *     .phoneHashKey(secretFromVault)
 *     .build();
 * scrm.ingest(purchase);
 * AttributeValues values = scrm.profile(memberNumber).orElseThrow().attributesAt(scrm.time().now());
 * Long orders = values.get(StandardAttributes.ORDERS_90D);
 * }</pre>
 */
public final class Scrm {

  private final Context context;
  private final Engine engine;
  private final Identities identities;
  private final PrivacyService privacy;
  private final ObjectMapper json;
  private final JsonLines lines;

  private Scrm(Context context) {
    this.context = context;
    this.engine = new Engine(context);
    this.identities = new IdentitiesView(engine);
    this.privacy = new PrivacyService(engine);
    this.json = ScrmJson.mapper(context.personalData());
    this.lines = JsonLines.with(json);
  }

  /** A new builder; the clock and the phone hash key are required, everything else has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Ingests one event: validates it, skips it if its id was seen, resolves its identifiers to one customer (creating
   * or merging customers), records it and updates the profile. Never throws for a bad event: the outcome says.
   */
  public IngestOutcome ingest(CustomerEvent event) {
    return engine.ingest(Objects.requireNonNull(event, "event"));
  }

  /**
   * Ingests {@code events} in order and returns an outcome for each, in the same order: the same outcomes, with the
   * same effects, as {@link #ingest} called on each event in turn. Faster than that on the in-memory defaults, because
   * the lookups of neighbouring events are started together rather than one after another; a host that receives
   * events in pages (a message queue poll, a page of an export) should hand over the whole page.
   *
   * @throws NullPointerException if {@code events} or one of its elements is null, naming the index; nothing is
   *     ingested then
   */
  public List<IngestOutcome> ingestAll(List<? extends CustomerEvent> events) {
    CustomerEvent[] batch = Objects.requireNonNull(events, "events").toArray(new CustomerEvent[0]);
    for (int i = 0; i < batch.length; i++) {
      if (batch[i] == null) {
        throw new NullPointerException("events[" + i + "] must not be null");
      }
    }
    return engine.ingestAll(batch);
  }

  /**
   * Ingests a JSON Lines stream of events. Every line is accepted, a duplicate, or reported with its line number and
   * reason (unreadable JSON or a refused event); accepted lines are applied whatever happens to others.
   */
  public ImportReport importEvents(Reader in) {
    return new EventImport(lines, this::ingestAll).run(Objects.requireNonNull(in, "in"));
  }

  /**
   * Writes every recorded event as JSON Lines, grouped by customer. Ingestion and merges may go on meanwhile: on the
   * in-memory log, every event recorded before the call is written exactly once, also when a merge moves it.
   */
  public void exportEvents(Writer out) {
    context.events().forEach((owner, event) -> lines.write(event, out));
  }

  /** Writes every profile as a {@link ProfileDocument} per line. */
  public void exportProfiles(Writer out) {
    context.profiles().forEach(profile -> {
      try {
        out.write(json.writeValueAsString(ProfileDocument.of(profile)));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("writing profile " + profile.id() + " failed", e);
      }
    });
  }

  /**
   * Imports {@link ProfileDocument}s, one per line, by ingesting the events each document stands for
   * ({@link ProfileDocument#toEvents}); identities resolve as for any event. Reports bad lines like
   * {@link #importEvents}; a line is taken whole or not at all: if any of its events would be refused, none is
   * ingested.
   */
  public ImportReport importProfiles(Reader in) {
    BufferedReader reader = new BufferedReader(in);
    long lineNumber = 0;
    long accepted = 0;
    long duplicates = 0;
    List<JsonLines.BadLine> bad = new ArrayList<>();
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<CustomerEvent> events;
        try {
          ProfileDocument document = json.readValue(line, ProfileDocument.class);
          if (document == null) {
            bad.add(new JsonLines.BadLine(lineNumber, JsonLines.NOT_AN_OBJECT));
            continue;
          }
          events = document.toEvents("import:", context.time().now());
        } catch (JsonProcessingException | IllegalArgumentException e) {
          bad.add(new JsonLines.BadLine(lineNumber, ScrmJson.describe(e)));
          continue;
        }
        // a document is one line of the report: every event it stands for is checked before any is ingested, so that
        // a refused line leaves nothing behind (ingestion refuses only what these checks refuse)
        List<String> problems = new ArrayList<>();
        for (CustomerEvent event : events) {
          problems.addAll(engine.problems(event));
        }
        if (!problems.isEmpty()) {
          bad.add(new JsonLines.BadLine(lineNumber, String.join("; ", problems)));
          continue;
        }
        boolean any = false;
        for (CustomerEvent event : events) {
          IngestOutcome outcome = ingest(event);
          if (outcome instanceof IngestOutcome.Rejected r) {
            problems.addAll(r.problems());
          } else if (outcome instanceof IngestOutcome.Accepted) {
            any = true;
          }
        }
        if (!problems.isEmpty()) {
          bad.add(new JsonLines.BadLine(lineNumber, String.join("; ", problems)));
        } else if (any) {
          accepted++;
        } else {
          duplicates++;
        }
      }
    } catch (IOException e) {
      throw new ScrmException("reading profiles failed after line " + lineNumber, e);
    }
    return new ImportReport(lineNumber, accepted, duplicates, bad);
  }

  /** The profile of {@code customer}, or of the customer it was merged into. */
  public Optional<CustomerProfile> profile(CustomerId customer) {
    return engine.profile(customer);
  }

  /** The profile {@code identifier} belongs to. */
  public Optional<CustomerProfile> profile(Identifier identifier) {
    return engine.profile(identifier);
  }

  /** The attribute values of {@code customer} now, in the business zone. */
  public Optional<AttributeValues> attributes(CustomerId customer) {
    return profile(customer).map(p -> p.attributesAt(context.time().now(), context.time().zone(), context.currency()));
  }

  /** Identity resolution: merges, conflicts, unmerge. */
  public Identities identities() {
    return identities;
  }

  /** PIPL export and erasure; register other parts' data here. */
  public Privacy privacy() {
    return privacy;
  }

  /** What customers are worth, from their profiles now (for sentiment and others). */
  public CustomerValueLookup customerValues() {
    return customer -> profile(customer).map(p -> {
      AttributeValues v = p.attributesAt(context.time().now(), context.time().zone(), context.currency());
      String level = v.get(io.github.scrm.core.attribute.StandardAttributes.MEMBER_LEVEL);
      return new CustomerValue(Objects.requireNonNull(v.get(io.github.scrm.core.attribute.StandardAttributes.SPEND)),
          Objects.requireNonNull(v.get(io.github.scrm.core.attribute.StandardAttributes.ORDERS)),
          level == null ? "" : level);
    });
  }

  /** Hashing and masking of phones and emails with this instance's key: make personal identifiers with it. */
  public PersonalData personalData() {
    return context.personalData();
  }

  /** The JSON mapper of this instance; it accepts clear phones and emails and hashes them on reading. */
  public ObjectMapper json() {
    return json;
  }

  /** The clock and business zone. */
  public BusinessTime time() {
    return context.time();
  }

  /** The currency every amount of this instance is in ({@link Builder#currency}). */
  public Currency currency() {
    return context.currency();
  }

  /** The standard attributes plus the host's custom ones. */
  public AttributeCatalogue catalogue() {
    return context.catalogue();
  }

  /** Builds {@link Scrm}; not thread-safe. */
  public static final class Builder {
    private @Nullable Clock clock;
    private ZoneId zone = BusinessTime.SHANGHAI;
    private IdSource ids = IdSource.secure();
    private final CustomerTable defaultTable = CustomerTable.create();
    private ProfileStore profiles = defaultTable.profileStore();
    private EventLog events = EventLog.inMemory();
    private IdentityIndex index = defaultTable.identityIndex();
    private MergeStore merges = MergeStore.inMemory();
    private ErasureStore erasures = ErasureStore.inMemory();
    private byte @Nullable [] phoneHashKey;
    private IdentityGuardrails guardrails = IdentityGuardrails.defaults();
    private Duration maxFutureSkew = Duration.ofMinutes(5);
    private Currency currency = Money.CNY;
    private final List<AttributeKey<?>> custom = new ArrayList<>();
    private final List<PersonalDataParticipant> participants = new ArrayList<>();

    private Builder() {}

    /** The source of "now" (required): {@code Clock.systemUTC()} in production, a fixed clock in tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The business zone for days, ages and calendar windows; {@code Asia/Shanghai} by default. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Clock and zone together. */
    public Builder businessTime(BusinessTime time) {
      this.clock = time.clock();
      this.zone = time.zone();
      return this;
    }

    /** The source of customer and merge ids; {@link IdSource#secure()} by default. */
    public Builder idSource(IdSource ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Where profiles live; in memory by default, sharing one table with the default identity index so that a lookup
     * by identifier takes a single hash probe.
     */
    public Builder profileStore(ProfileStore store) {
      this.profiles = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where events are recorded; {@link EventLog#inMemory()} by default. */
    public Builder eventLog(EventLog log) {
      this.events = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Where identifiers map to customers; in memory by default, sharing one table with the default profile store.
     */
    public Builder identityIndex(IdentityIndex index) {
      this.index = Objects.requireNonNull(index, "index");
      return this;
    }

    /**
     * Where merge records and identity conflicts are kept; {@link MergeStore#inMemory()} by default. A host whose
     * profiles, events and identities outlive the process keeps these beside them, so unmerges work after a restart.
     */
    public Builder mergeStore(MergeStore store) {
      this.merges = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Where the records of PIPL erasures are kept; {@link ErasureStore#inMemory()} by default. A host whose profiles
     * and events outlive the process keeps these beside them, so the accountability record survives a restart.
     */
    public Builder erasureStore(ErasureStore store) {
      this.erasures = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The host's secret (at least 16 bytes, required) for hashing phones and emails; keep it out of the database. */
    public Builder phoneHashKey(byte[] key) {
      this.phoneHashKey = Objects.requireNonNull(key, "key").clone();
      return this;
    }

    /** Identity limits and junk values; {@link IdentityGuardrails#defaults()} by default. */
    public Builder guardrails(IdentityGuardrails guardrails) {
      this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
      return this;
    }

    /** How far after now an event's occurred-at may lie (clock drift of devices); 5 minutes by default. */
    public Builder maxFutureSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("maxFutureSkew must not be negative, but was " + skew);
      }
      this.maxFutureSkew = skew;
      return this;
    }

    /**
     * The currency of every amount the instance keeps (order and refund amounts, and so spend and average order value);
     * {@code CNY} by default. A purchase or refund in another currency is refused with the field and both currencies:
     * a customer's totals add minor units, which only means something within one currency, so a host that sells in
     * several converts amounts to this one before ingesting them.
     */
    public Builder currency(Currency currency) {
      this.currency = Objects.requireNonNull(currency, "currency");
      return this;
    }

    /** Registers host-defined attributes that profile updates may set and rules may read. */
    public Builder customAttributes(AttributeKey<?>... keys) {
      for (AttributeKey<?> key : keys) {
        if (!key.isCustom()) {
          throw new IllegalArgumentException("customAttributes takes AttributeKey.custom(...) keys, but '"
              + key.name() + "' is a standard attribute");
        }
        custom.add(key);
      }
      return this;
    }

    /** Registers a part that holds personal data, for export and erasure. */
    public Builder privacyParticipant(PersonalDataParticipant participant) {
      participants.add(Objects.requireNonNull(participant, "participant"));
      return this;
    }

    /** The instance; fails naming the fix when something required is missing. */
    public Scrm build() {
      if (clock == null) {
        throw new IllegalStateException(
            "clock is required: pass Clock.systemUTC() in production or Clock.fixed(...) in tests");
      }
      if (phoneHashKey == null) {
        throw new IllegalStateException("phoneHashKey is required: pass the host's secret of at least 16 bytes"
            + " (kept outside the database) so that phones and emails are stored only as keyed hashes");
      }
      Context context = new Context(new BusinessTime(clock, zone), ids, profiles, events, index, merges, erasures,
          PersonalData.withKey(phoneHashKey), guardrails, maxFutureSkew, currency,
          AttributeCatalogue.standard().with(custom));
      Scrm scrm = new Scrm(context);
      participants.forEach(scrm.privacy::register);
      return scrm;
    }
  }
}
