package io.github.scrm.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.privacy.ErasureRecord;
import io.github.scrm.core.privacy.Privacy;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.profile.ProfileDocument;
import io.github.scrm.core.spi.PersonalDataParticipant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Privacy} over an {@link Engine}. */
public final class PrivacyService implements Privacy {

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);

  private final Engine engine;
  private final ObjectMapper mapper = ScrmJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final CopyOnWriteArrayList<PersonalDataParticipant> participants = new CopyOnWriteArrayList<>();

  /** Privacy requests over {@code engine}. */
  public PrivacyService(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(PersonalDataParticipant participant) {
    Objects.requireNonNull(participant, "participant");
    for (PersonalDataParticipant p : participants) {
      if (p.name().equals(participant.name())) {
        throw new IllegalArgumentException(
            "participant names must be unique, but '" + participant.name() + "' is already registered");
      }
    }
    participants.add(participant);
  }

  @Override
  public Optional<String> export(CustomerId customer) {
    engine.lock.readLock().lock();
    try {
      Optional<CustomerProfile> found = engine.profile(customer);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      CustomerProfile p = found.get();
      Instant now = engine.context.time().now();
      ObjectNode doc = mapper.createObjectNode();
      doc.put("customerId", p.id().value());
      doc.put("exportedAt", now.toString());
      doc.set("profile", mapper.valueToTree(ProfileDocument.of(p)));
      doc.set("attributes", mapper.valueToTree(
          p.snapshot(engine.context.catalogue().all(), now, engine.context.time().zone())));
      doc.set("events", mapper.valueToTree(engine.context.events().eventsOf(p.id())));
      // the customers merged into this one are the same person: their merge records and conflicts are theirs too
      Set<CustomerId> tree = engine.ledger.mergeTree(p.id());
      doc.set("merges", mapper.valueToTree(engine.ledger.involvingAny(tree)));
      doc.set("conflicts", mapper.valueToTree(engine.ledger.conflictsOfAny(tree)));
      doc.set("erasures", mapper.valueToTree(engine.context.erasures().of(p.id())));
      ObjectNode sections = doc.putObject("sections");
      for (PersonalDataParticipant participant : participants) {
        sections.set(participant.name(), mapper.valueToTree(participant.export(p.id())));
      }
      // what participants hold under the ids merged into this customer, recorded before the merges
      ArrayNode merged = doc.putArray("mergedCustomers");
      for (CustomerId absorbed : tree) {
        if (absorbed.equals(p.id())) {
          continue;
        }
        ObjectNode entry = merged.addObject();
        entry.put("customerId", absorbed.value());
        ObjectNode theirs = entry.putObject("sections");
        for (PersonalDataParticipant participant : participants) {
          theirs.set(participant.name(), mapper.valueToTree(participant.export(absorbed)));
        }
      }
      return Optional.of(mapper.writeValueAsString(doc));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new ScrmException("the export of " + customer + " could not be written as JSON", e);
    } finally {
      engine.lock.readLock().unlock();
    }
  }

  @Override
  public Optional<ErasureRecord> erase(CustomerId customer) {
    engine.lock.writeLock().lock();
    try {
      Optional<CustomerProfile> found = engine.profile(customer);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      CustomerProfile p = found.get();
      Instant now = engine.context.time().now();
      Set<CustomerId> tree = engine.ledger.mergeTree(p.id());
      // participants first, while the profile still shows the customer's identifiers: one that holds records keyed by
      // an identifier (a support given before the supporter became a customer) finds them through it
      Map<String, Integer> results = new LinkedHashMap<>();
      for (PersonalDataParticipant participant : participants) {
        try {
          // participants key by customer id: what they hold under an id merged into this customer is this person's
          int erased = 0;
          for (CustomerId id : tree) {
            erased += participant.erase(id);
          }
          results.put(participant.name(), erased);
        } catch (RuntimeException e) {
          LOG.warn("participant {} failed to erase customer {}; retry the erasure", participant.name(), p.id(), e);
          results.put(participant.name(), -1);
        }
      }
      p.identifiers().forEach(id -> engine.context.index().unbind(id, p.id()));
      int events = engine.context.events().erase(p.id());
      engine.context.profiles().put(p.erased(now));
      engine.ledger.redact(tree);
      ErasureRecord record = new ErasureRecord(p.id(), now, p.identifiers().size(), events, results);
      engine.context.erasures().record(record);
      return Optional.of(record);
    } finally {
      engine.lock.writeLock().unlock();
    }
  }

  @Override
  public List<ErasureRecord> erasures() {
    return engine.context.erasures().all();
  }
}
