package io.github.scrm.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The complete, lossless JSON form of a {@link CustomerProfile}, for hosts that keep profiles in their own storage (a
 * {@link io.github.scrm.core.spi.ProfileStore} on a database). Unlike {@link ProfileDocument}, which carries only the
 * descriptive fields, it keeps every piece of state: identifiers with their masked forms, each field with the instant
 * it was set, the level and consent histories, tags and custom attributes with their instants, the compact record of
 * orders, refunds and other activity, the event count and the erasure instant. {@code fromJson(toJson(p))} has the
 * same attribute values as {@code p} at every instant.
 *
 * <p>The document starts with {@code "format": 2}; a later change of layout gets a new number and this class keeps
 * reading the older ones. Format 2 added the legend of mark codes and platforms (see the activity part), so that
 * reordering an enum behind them does not change what a stored profile means; format 1 documents are still read.
 * Reading an unknown format, or a document with a missing or mistyped field, throws
 * {@link IllegalArgumentException} naming the field and the value found.
 *
 * <p>The document holds personal data in clear (name, birthday; identifiers only hashed and masked): store it like
 * the profile itself and never log it. Thread-safe; all methods are static.
 */
public final class ProfileCodec {

  /** The format this class writes. */
  public static final int FORMAT = 2;

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ProfileCodec() {}

  /** The JSON text of {@code profile} in {@link #FORMAT}. */
  public static String toJson(CustomerProfile profile) {
    Objects.requireNonNull(profile, "profile");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("customerId", profile.id().value());
    ArrayNode ids = root.putArray("identifiers");
    for (Identifier i : profile.identifiers()) {
      ids.addObject().put("type", i.type().name()).put("scope", i.scope()).put("value", i.value())
          .put("masked", i.masked());
    }
    root.put("events", profile.eventCount());
    profile.erasedAt().ifPresent(at -> root.put("erasedAt", at.toString()));
    root.set("fields", fields(profile.fields()));
    root.set("activity", ActivityJson.write(profile.activity(), MAPPER));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("profile " + profile.id() + " could not be written as JSON", e);
    }
  }

  /** The profile written by {@link #toJson}; throws {@link IllegalArgumentException} if {@code json} is not one. */
  public static CustomerProfile fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("profile JSON: must be valid JSON, but was not: " + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("profile JSON: must be an object, but was " + root);
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isInt() || format.intValue() < 1 || format.intValue() > FORMAT) {
      throw new IllegalArgumentException("format: must be 1 to " + FORMAT + ", but was " + format);
    }
    CustomerId id = CustomerId.of(text(root, "customerId"));
    List<Identifier> identifiers = new ArrayList<>();
    for (JsonNode i : array(root, "identifiers")) {
      IdentifierType type = enumValue(IdentifierType.class, i.get("type"), "identifiers.type");
      String scope = text(i, "scope", "identifiers.scope");
      String value = text(i, "value", "identifiers.value");
      String masked = text(i, "masked", "identifiers.masked");
      try {
        identifiers.add(new Identifier(type, scope, value, masked));
      } catch (IllegalArgumentException e) {
        // the identifier's own check names its field ("value: ..."): place it in the document
        String message = e.getMessage();
        boolean namesField = message.startsWith("value: ") || message.startsWith("masked: ");
        throw new IllegalArgumentException(
            "identifiers[" + identifiers.size() + "]" + (namesField ? "." : ": ") + message, e);
      }
    }
    long events = number(root, "events", "events");
    if (events < 0 || events > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("events: must be between 0 and " + Integer.MAX_VALUE + ", but was " + events);
    }
    JsonNode erased = root.get("erasedAt");
    Instant erasedAt = erased == null ? null : instant(erased, "erasedAt");
    ProfileFields fields = fields(object(root, "fields"));
    Activity activity = ActivityJson.read(object(root, "activity"));
    return CustomerProfile.restore(id, identifiers, fields, activity, (int) events, erasedAt);
  }

  private static ObjectNode fields(ProfileFields f) {
    ObjectNode n = MAPPER.createObjectNode();
    latest(n, "name", f.name, String::valueOf);
    latest(n, "gender", f.gender, Gender::name);
    latest(n, "birthday", f.birthday, LocalDate::toString);
    latest(n, "ageBand", f.ageBand, String::valueOf);
    latest(n, "city", f.city, String::valueOf);
    latest(n, "region", f.region, String::valueOf);
    latest(n, "owningStaff", f.owner, StaffId::value);
    latest(n, "noPersonalisedMarketing", f.noPersonalisedMarketing, String::valueOf);
    if (f.memberSince != null) {
      n.put("memberSince", f.memberSince.toString());
    }
    if (f.registrationChannel != null) {
      n.put("registrationChannel", f.registrationChannel);
    }
    ArrayNode levels = n.putArray("levels");
    for (LevelChange l : f.levels) {
      levels.addObject().put("level", l.level()).put("since", l.since().toString());
    }
    ArrayNode consents = n.putArray("consents");
    for (Consent c : f.consents) {
      consents.addObject().put("channel", c.channel().name()).put("purpose", c.purpose().name())
          .put("status", c.status().name()).put("recordedAt", c.recordedAt().toString()).put("source", c.source());
    }
    ObjectNode tags = n.putObject("tags");
    f.tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> latest(tags, e.getKey(), e.getValue(), String::valueOf));
    ObjectNode custom = n.putObject("custom");
    f.custom.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> latest(custom, e.getKey(), e.getValue(), String::valueOf));
    return n;
  }

  private static ProfileFields fields(JsonNode n) {
    ProfileFields f = new ProfileFields();
    f.name = latest(n, "name", s -> s);
    f.gender = latest(n, "gender", s -> parseEnum(Gender.class, s, "fields.gender"));
    f.birthday = latest(n, "birthday", s -> parse(s, LocalDate::parse, "fields.birthday"));
    f.ageBand = latest(n, "ageBand", s -> s);
    f.city = latest(n, "city", OrderFact.NAMES::intern);
    f.region = latest(n, "region", OrderFact.NAMES::intern);
    f.owner = latest(n, "owningStaff", StaffId::of);
    f.noPersonalisedMarketing = latest(n, "noPersonalisedMarketing", s -> bool(s, "fields.noPersonalisedMarketing"));
    JsonNode since = n.get("memberSince");
    f.memberSince = since == null ? null : instant(since, "fields.memberSince");
    JsonNode channel = n.get("registrationChannel");
    f.registrationChannel = channel == null ? null : OrderFact.NAMES.intern(text(n, "registrationChannel",
        "fields.registrationChannel"));
    List<LevelChange> levels = new ArrayList<>();
    for (JsonNode l : array(n, "levels")) {
      levels.add(new LevelChange(text(l, "level", "fields.levels.level"),
          instant(l.get("since"), "fields.levels.since")));
    }
    f.levels = levels.toArray(new LevelChange[0]);
    List<Consent> consents = new ArrayList<>();
    for (JsonNode c : array(n, "consents")) {
      consents.add(new Consent(enumValue(ContactChannel.class, c.get("channel"), "fields.consents.channel"),
          enumValue(ContactPurpose.class, c.get("purpose"), "fields.consents.purpose"),
          enumValue(ConsentStatus.class, c.get("status"), "fields.consents.status"),
          instant(c.get("recordedAt"), "fields.consents.recordedAt"),
          text(c, "source", "fields.consents.source")));
    }
    f.consents = consents.toArray(new Consent[0]);
    f.tags = latestMap(object(n, "tags"), "fields.tags", s -> bool(s, "fields.tags"));
    f.custom = latestMap(object(n, "custom"), "fields.custom", s -> s);
    return f;
  }

  private static <T> void latest(ObjectNode parent, String name, @Nullable Latest<T> latest,
      Function<T, String> text) {
    if (latest != null) {
      parent.putObject(name).put("value", text.apply(latest.value())).put("at", latest.at().toString());
    }
  }

  private static <T> @Nullable Latest<T> latest(JsonNode parent, String name, Function<String, T> parse) {
    JsonNode n = parent.get(name);
    return n == null ? null : latestOf(n, "fields." + name, parse);
  }

  private static <T> Latest<T> latestOf(JsonNode n, String field, Function<String, T> parse) {
    return new Latest<>(parse.apply(text(n, "value", field + ".value")), instant(n.get("at"), field + ".at"));
  }

  private static <T> ImmutableMap<String, Latest<T>> latestMap(JsonNode n, String field,
      Function<String, T> parse) {
    Map<String, Latest<T>> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), latestOf(e.getValue(), field + "." + e.getKey(), parse)));
    return ImmutableMap.copyOf(out);
  }

  private static Boolean bool(String s, String field) {
    if (!s.equals("true") && !s.equals("false")) {
      throw new IllegalArgumentException(field + ": must be true or false, but was " + s);
    }
    return Boolean.valueOf(s);
  }

  // --- shared readers, also used by ActivityJson ---

  static JsonNode object(JsonNode parent, String name) {
    JsonNode n = parent.get(name);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(name + ": must be an object, but was " + n);
    }
    return n;
  }

  static JsonNode array(JsonNode parent, String name) {
    JsonNode n = parent.get(name);
    if (n == null || !n.isArray()) {
      throw new IllegalArgumentException(name + ": must be an array, but was " + n);
    }
    return n;
  }

  static String text(JsonNode parent, String name) {
    return text(parent, name, name);
  }

  static String text(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(field + ": must be a string, but was " + n);
    }
    return n.textValue();
  }

  static long number(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    return number(n, field);
  }

  static long number(@Nullable JsonNode n, String field) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException(field + ": must be a whole number, but was " + n);
    }
    return n.longValue();
  }

  static Instant instant(@Nullable JsonNode n, String field) {
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(field + ": must be an ISO-8601 instant, but was " + n);
    }
    return parse(n.textValue(), Instant::parse, field);
  }

  private static <T> T parse(String s, Function<String, T> parser, String field) {
    try {
      return parser.apply(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": must be valid, but was " + s, e);
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable JsonNode n, String field) {
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(field + ": must be a string, but was " + n);
    }
    return parseEnum(type, n.textValue(), field);
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String field) {
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": must be one of " + List.of(type.getEnumConstants())
          + ", but was " + s, e);
    }
  }
}
