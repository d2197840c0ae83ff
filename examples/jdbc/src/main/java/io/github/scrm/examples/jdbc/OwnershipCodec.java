package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.staff.CustomerOwnership;
import io.github.scrm.core.staff.ImmutableCustomerOwnership;
import io.github.scrm.core.staff.ImmutableOwnershipPeriod;
import io.github.scrm.core.staff.ImmutablePendingTransfer;
import io.github.scrm.core.staff.OwnershipPeriod;
import io.github.scrm.core.staff.OwnershipReason;
import io.github.scrm.core.staff.PendingTransfer;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.util.Optional;

/** The JSON form of an ownership's periods, pending and refused transfers, kept in one TEXT column. */
final class OwnershipCodec {

  private final ObjectMapper json = ScrmJson.mapper();

  String write(CustomerOwnership o) {
    ObjectNode n = json.createObjectNode();
    ArrayNode periods = n.putArray("periods");
    for (OwnershipPeriod p : o.periods()) {
      ObjectNode period = periods.addObject();
      period.put("staff", p.staff().value());
      period.put("from", p.from().toString());
      p.until().ifPresent(u -> period.put("until", u.toString()));
      period.put("channel", p.channel().name());
      period.put("reason", p.reason().name());
    }
    o.pending().ifPresent(t -> n.set("pending", transfer(t)));
    ArrayNode refused = n.putArray("refused");
    o.refused().forEach(t -> refused.add(transfer(t)));
    return n.toString();
  }

  CustomerOwnership read(CustomerId customer, long version, String text) {
    JsonNode n;
    try {
      n = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ScrmException("stored ownership of " + customer + " is not JSON: " + ScrmJson.describe(e), e);
    }
    ImmutableCustomerOwnership.Builder b = ImmutableCustomerOwnership.builder().customer(customer).version(version);
    for (JsonNode p : n.get("periods")) {
      b.addPeriods(ImmutableOwnershipPeriod.builder()
          .staff(StaffId.of(p.get("staff").asText()))
          .from(Instant.parse(p.get("from").asText()))
          .until(p.has("until") ? Optional.of(Instant.parse(p.get("until").asText())) : Optional.empty())
          .channel(ContactChannel.valueOf(p.get("channel").asText()))
          .reason(OwnershipReason.valueOf(p.get("reason").asText()))
          .build());
    }
    b.pending(n.has("pending") ? Optional.of(transfer(n.get("pending"))) : Optional.empty());
    for (JsonNode t : n.get("refused")) {
      b.addRefused(transfer(t));
    }
    return b.build();
  }

  private ObjectNode transfer(PendingTransfer t) {
    ObjectNode n = json.createObjectNode();
    n.put("from", t.from().value());
    n.put("to", t.to().value());
    n.put("requestedAt", t.requestedAt().toString());
    n.put("effectiveAt", t.effectiveAt().toString());
    n.put("reason", t.reason().name());
    return n;
  }

  private static PendingTransfer transfer(JsonNode n) {
    return ImmutablePendingTransfer.builder()
        .from(StaffId.of(n.get("from").asText()))
        .to(StaffId.of(n.get("to").asText()))
        .requestedAt(Instant.parse(n.get("requestedAt").asText()))
        .effectiveAt(Instant.parse(n.get("effectiveAt").asText()))
        .reason(OwnershipReason.valueOf(n.get("reason").asText()))
        .build();
  }
}
