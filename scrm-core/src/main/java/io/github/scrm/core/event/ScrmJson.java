package io.github.scrm.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.PersonalData;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.staff.StaffId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of SCRM's values: events with a {@code "type"} discriminator, money as
 * {@code {"minorUnits":12900,"currency":"CNY"}}, ids as strings, instants as ISO-8601 strings, absent fields
 * omitted. Reading is strict: unknown fields, unknown enum values, numbers given as strings and missing required
 * fields are refused, and {@link #describe} turns the failure into {@code "lines[2].unitPrice: must not be negative,
 * but was -100"}.
 *
 * <p>Identifiers are written as {@code {"type":"PHONE","value":"<hash>","masked":"138****1234"}}. A host may send a
 * personal identifier in clear as {@code {"type":"PHONE","clear":"+86 138 1234 5678"}}; only a mapper made with
 * {@link #mapper(PersonalData)} accepts that, and hashes it on reading, so the clear value never reaches the event.
 */
public final class ScrmJson {

  private ScrmJson() {}

  /** A new mapper that refuses identifiers given in clear. ObjectMappers are thread-safe once configured. */
  public static ObjectMapper mapper() {
    return build(null);
  }

  /** A new mapper that hashes clear personal identifiers with {@code personalData}. */
  public static ObjectMapper mapper(PersonalData personalData) {
    return build(personalData);
  }

  private static ObjectMapper build(@Nullable PersonalData personalData) {
    SimpleModule module = new SimpleModule("scrm");
    module.addSerializer(Money.class, new MoneySerializer());
    module.addDeserializer(Money.class, new MoneyDeserializer());
    module.addSerializer(CustomerId.class, new ToStringSerializer<>(CustomerId.class));
    module.addDeserializer(CustomerId.class, new StringValueDeserializer<>(CustomerId.class, CustomerId::of));
    module.addSerializer(StaffId.class, new ToStringSerializer<>(StaffId.class));
    module.addDeserializer(StaffId.class, new StringValueDeserializer<>(StaffId.class, StaffId::of));
    module.addDeserializer(Instant.class, new IsoInstantDeserializer());
    module.addSerializer(Identifier.class, new IdentifierSerializer());
    module.addDeserializer(Identifier.class, new IdentifierDeserializer(personalData));
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(module)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    // a number or a boolean where text belongs is a mistake, not a text
    for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean}) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /** The fields of events and profile documents that hold personal data in clear. */
  private static final Set<String> PERSONAL_FIELDS = Set.of("name", "birthday");

  /** How the parser reports a field that an object holds twice. */
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

  /**
   * A one-line reason for a failure to read JSON: the field path, a colon and the rule with the actual value. Works
   * for any exception a mapper of this class throws while reading.
   */
  public static String describe(Exception failure) {
    if (!(failure instanceof JsonMappingException mapping)) {
      if (failure instanceof JsonProcessingException parse) {
        String message = firstLine(parse.getOriginalMessage());
        String duplicate = duplicate(parserPath(parse), message);
        return duplicate != null ? duplicate : "malformed JSON: " + message;
      }
      return firstLine(String.valueOf(failure.getMessage()));
    }
    String path = path(mapping);
    String duplicate = duplicate(path, firstLine(mapping.getOriginalMessage()));
    if (duplicate != null) {
      return duplicate;
    }
    String reason;
    Throwable cause = mapping.getCause();
    if (mapping instanceof ValueInstantiationException && cause instanceof IllegalArgumentException) {
      // the record's own check: its message starts with the field relative to the record being built
      return path.isEmpty() ? cause.getMessage() : path + "." + cause.getMessage();
    } else if (mapping instanceof UnrecognizedPropertyException) {
      reason = "unknown field";
    } else if (mapping instanceof InvalidTypeIdException typeId && typeId.getTypeId() == null) {
      return (path.isEmpty() ? "type" : path + ".type") + ": is required, but was missing";
    } else if (mapping instanceof InvalidTypeIdException typeId) {
      reason = "unknown event type '" + typeId.getTypeId() + "'";
      path = path.isEmpty() ? "type" : path + ".type";
    } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      reason = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()) + ", but was '"
          + format.getValue() + "'";
    } else if (mapping instanceof InvalidFormatException format && isPersonal(path)) {
      reason = "cannot be read as " + simpleName(format.getTargetType()) + " (the value is personal data, not shown)";
    } else if (mapping instanceof InvalidFormatException format) {
      reason = "cannot be read as " + simpleName(format.getTargetType()) + ", but was '" + format.getValue() + "'";
    } else if (firstLine(mapping.getOriginalMessage()).contains("missing type id")) {
      return (path.isEmpty() ? "type" : path + ".type") + ": is required, but was missing";
    } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
        && mismatch.getClass() == MismatchedInputException.class) {
      reason = "has the wrong JSON type for " + simpleName(mismatch.getTargetType());
    } else {
      reason = firstLine(mapping.getOriginalMessage());
    }
    return path.isEmpty() ? reason : path + ": " + reason;
  }

  /** Whether the field at {@code path} holds personal data, which a refusal must not repeat. */
  private static boolean isPersonal(String path) {
    String field = path.substring(path.lastIndexOf('.') + 1);
    return PERSONAL_FIELDS.contains(field);
  }

  /** The reason for a field an object holds twice, under {@code path} (the object's); null for another failure. */
  private static @Nullable String duplicate(String path, String message) {
    Matcher duplicate = DUPLICATE_FIELD.matcher(message);
    if (!duplicate.matches()) {
      return null;
    }
    return (path.isEmpty() ? "" : path + ".") + duplicate.group(1)
        + ": must appear once in its object, but appeared again";
  }

  /** The path of the object the parser was reading when it failed, as {@link #path} writes it. */
  private static String parserPath(JsonProcessingException parse) {
    if (!(parse.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null) {
      return "";
    }
    // the innermost context is the object itself, named by the field being read: its parents lead to it
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = parser.getParsingContext().getParent(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(c.getCurrentName());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      String part = parts.get(i);
      if (b.length() > 0 && !part.startsWith("[")) {
        b.append('.');
      }
      b.append(part);
    }
    return b.toString();
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String simpleName(@Nullable Class<?> type) {
    return type == null ? "the expected type" : type.getSimpleName();
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static final class MoneySerializer extends JsonSerializer<Money> {
    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartObject();
      gen.writeNumberField("minorUnits", value.minorUnits());
      gen.writeStringField("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  private static final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      if (node == null || !node.isObject()) {
        throw JsonMappingException.from(p, "must be an object {\"minorUnits\": 12900, \"currency\": \"CNY\"}");
      }
      JsonNode minor = node.get("minorUnits");
      JsonNode currency = node.get("currency");
      if (minor == null || !minor.isIntegralNumber() || !minor.canConvertToLong()) {
        throw JsonMappingException.from(p, "minorUnits must be a whole number of minor units, but was " + minor);
      }
      if (currency == null || !currency.isTextual()) {
        throw JsonMappingException.from(p, "currency must be an ISO 4217 code such as CNY, but was " + currency);
      }
      if (node.size() != 2) {
        throw JsonMappingException.from(p, "money has exactly the fields minorUnits and currency, but had "
            + node.size() + " fields");
      }
      try {
        return Money.of(minor.longValue(), Currency.getInstance(currency.textValue()));
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, "currency must be an ISO 4217 code such as CNY, but was '"
            + currency.textValue() + "'");
      }
    }
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    private final Class<T> type;

    ToStringSerializer(Class<T> type) {
      this.type = type;
    }

    @Override
    public Class<T> handledType() {
      return type;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class StringValueDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final java.util.function.Function<String, T> factory;

    StringValueDeserializer(Class<T> type, java.util.function.Function<String, T> factory) {
      this.type = type;
      this.factory = factory;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue() || p.currentToken().isNumeric() || p.currentToken().isBoolean()) {
        throw JsonMappingException.from(p, "must be a string " + type.getSimpleName());
      }
      try {
        return factory.apply(p.getText());
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, e.getMessage());
      }
    }
  }

  private static final class IdentifierSerializer extends JsonSerializer<Identifier> {
    @Override
    public void serialize(Identifier id, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("type", id.type().name());
      if (!id.scope().isEmpty()) {
        gen.writeStringField("scope", id.scope());
      }
      gen.writeStringField("value", id.value());
      if (id.type().personal()) {
        gen.writeStringField("masked", id.masked());
      }
      gen.writeEndObject();
    }
  }

  private static final class IdentifierDeserializer extends JsonDeserializer<Identifier> {
    private final @Nullable PersonalData personalData;

    IdentifierDeserializer(@Nullable PersonalData personalData) {
      this.personalData = personalData;
    }

    @Override
    public Identifier deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      if (node == null || !node.isObject()) {
        throw JsonMappingException.from(p, "an identifier must be an object with type and value");
      }
      var names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("type") && !name.equals("scope") && !name.equals("value") && !name.equals("masked")
            && !name.equals("clear")) {
          throw JsonMappingException.from(p, "unknown identifier field '" + name + "'");
        }
      }
      IdentifierType type = enumValue(p, node.get("type"));
      String scope = text(node.get("scope"));
      String clear = text(node.get("clear"));
      String value = text(node.get("value"));
      try {
        if (!clear.isEmpty() && type.personal()) {
          if (personalData == null) {
            throw JsonMappingException.from(p, "clear " + type + " identifiers need a hash key: read them with"
                + " Scrm.json() or ScrmJson.mapper(PersonalData)");
          }
          return personalData.personal(type, clear);
        }
        if (!clear.isEmpty()) {
          value = clear;
        }
        if (value.isEmpty()) {
          throw JsonMappingException.from(p, "value is required, but was missing or blank");
        }
        String masked = text(node.get("masked"));
        return new Identifier(type, scope, value, type.personal() ? (masked.isEmpty() ? "****" : masked) : value);
      } catch (IllegalArgumentException e) {
        throw atField(p, e.getMessage());
      }
    }

    /** A refusal whose path ends at the identifier's field when the message names one ({@code "value: ..."}). */
    private static JsonMappingException atField(JsonParser p, String message) {
      for (String field : new String[] {"value", "masked", "scope"}) {
        if (message.startsWith(field + ": ")) {
          String hint = field.equals("value") && message.contains("keyed hash")
              ? "; send a clear value as \"clear\" to have it hashed" : "";
          JsonMappingException e = JsonMappingException.from(p, message.substring(field.length() + 2) + hint);
          e.prependPath(new JsonMappingException.Reference(null, field));
          return e;
        }
      }
      return JsonMappingException.from(p, message);
    }

    private static IdentifierType enumValue(JsonParser p, @Nullable JsonNode node) throws JsonMappingException {
      if (node == null || !node.isTextual()) {
        throw JsonMappingException.from(p, "type is required, one of " + Arrays.toString(IdentifierType.values()));
      }
      try {
        return IdentifierType.valueOf(node.textValue());
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, "type must be one of " + Arrays.toString(IdentifierType.values())
            + ", but was '" + node.textValue() + "'");
      }
    }

    private static String text(@Nullable JsonNode node) throws JsonMappingException {
      if (node != null && !node.isNull() && !node.isTextual()) {
        throw new JsonMappingException(null, "must be a string, but was " + node.getNodeType());
      }
      return node == null || node.isNull() ? "" : node.asText();
    }
  }

  /**
   * An instant written as an ISO-8601 text, as the schema says: a number would be read as epoch seconds or
   * milliseconds depending on its form, silently.
   */
  private static final class IsoInstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
  }
}
