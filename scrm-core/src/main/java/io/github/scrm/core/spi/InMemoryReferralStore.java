package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.referral.Attribution;
import io.github.scrm.core.referral.CodeAssignment;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.SupportRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The default {@link ReferralStore}: concurrent maps; compare-and-set by an atomic per-key compute. */
final class InMemoryReferralStore implements ReferralStore {
  private final Map<String, ConcurrentSkipListMap<String, Reward>> rewardsByProgramme = new ConcurrentHashMap<>();
  private final Map<String, Reward> rewards = new ConcurrentHashMap<>();
  private final Map<String, Attribution> attributions = new ConcurrentHashMap<>();
  private final Map<ReferralCode, CodeAssignment> codes = new ConcurrentHashMap<>();
  private final Map<String, CodeAssignment> codesByOwner = new ConcurrentHashMap<>();
  private final Map<String, List<SupportRecord>> supports = new ConcurrentHashMap<>();
  private final Map<String, Boolean> supportKeys = new ConcurrentHashMap<>();

  @Override
  public boolean insert(Reward reward) {
    if (rewards.putIfAbsent(reward.rewardId(), reward) != null) {
      return false;
    }
    rewardsByProgramme.computeIfAbsent(reward.programme(), p -> new ConcurrentSkipListMap<>())
        .put(reward.rewardId(), reward);
    return true;
  }

  @Override
  public Optional<Reward> find(String rewardId) {
    return Optional.ofNullable(rewards.get(rewardId));
  }

  @Override
  public boolean replace(Reward expected, Reward next) {
    if (!next.rewardId().equals(expected.rewardId()) || next.version() != expected.version() + 1) {
      throw new IllegalArgumentException("replacement must keep the id and have version " + (expected.version() + 1)
          + ", but was " + next.rewardId() + " version " + next.version());
    }
    // compute() makes the version check and the write one atomic step per key.
    boolean[] done = {false};
    rewards.computeIfPresent(expected.rewardId(), (id, stored) -> {
      if (stored.version() != expected.version()) {
        return stored;
      }
      done[0] = true;
      return next;
    });
    if (done[0]) {
      rewardsByProgramme.get(next.programme()).put(next.rewardId(), next);
    }
    return done[0];
  }

  @Override
  public List<Reward> rewardsOf(String programme) {
    ConcurrentSkipListMap<String, Reward> byId = rewardsByProgramme.get(programme);
    if (byId == null) {
      return List.of();
    }
    // read through the primary map so a concurrent replace is never seen half-done
    return byId.keySet().stream().map(rewards::get).sorted(Comparator.comparing(Reward::rewardId)).toList();
  }

  @Override
  public boolean attribute(Attribution attribution) {
    return attributions.putIfAbsent(key(attribution.programme(), attribution.referee()), attribution) == null;
  }

  @Override
  public Optional<Attribution> attributionOf(String programme, CustomerId referee) {
    return Optional.ofNullable(attributions.get(key(programme, referee)));
  }

  @Override
  public synchronized boolean assignCode(CodeAssignment assignment) {
    // synchronized: the code and the (programme, owner) pair must both be free, as two unique keys in SQL
    String ownerKey = key(assignment.programme(), assignment.owner());
    if (codes.containsKey(assignment.code()) || codesByOwner.containsKey(ownerKey)) {
      return false;
    }
    codes.put(assignment.code(), assignment);
    codesByOwner.put(ownerKey, assignment);
    return true;
  }

  @Override
  public Optional<CodeAssignment> codeOwner(ReferralCode code) {
    return Optional.ofNullable(codes.get(code));
  }

  @Override
  public Optional<CodeAssignment> codeOf(String programme, CustomerId owner) {
    return Optional.ofNullable(codesByOwner.get(key(programme, owner)));
  }

  @Override
  public boolean recordSupport(SupportRecord support) {
    if (supportKeys.putIfAbsent(supportKey(support.campaign(), support.poster(), support.person()), Boolean.TRUE)
        != null) {
      return false;
    }
    List<SupportRecord> list = supports.computeIfAbsent(support.campaign(), c -> new ArrayList<>());
    synchronized (list) {
      list.add(support);
    }
    return true;
  }

  @Override
  public List<SupportRecord> supportsOf(String campaign) {
    List<SupportRecord> list = supports.get(campaign);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  @Override
  public int redactSupports(String person, String anonymousName) {
    if (anonymousName.isBlank() || anonymousName.equals(person)) {
      throw new IllegalArgumentException("anonymousName must be a fresh, non-blank name other than the erased one");
    }
    int changed = 0;
    for (List<SupportRecord> list : supports.values()) {
      synchronized (list) {
        for (int i = 0; i < list.size(); i++) {
          SupportRecord r = list.get(i);
          if (r.person().equals(person)) {
            // the one-support-per-person key moves with the name
            supportKeys.put(supportKey(r.campaign(), r.poster(), anonymousName), Boolean.TRUE);
            supportKeys.remove(supportKey(r.campaign(), r.poster(), person));
            list.set(i, new SupportRecord(r.campaign(), r.poster(), anonymousName, List.of(), Optional.empty(),
                Optional.empty(), r.at()));
            changed++;
          }
        }
      }
    }
    return changed;
  }

  private static String supportKey(String campaign, ReferralCode poster, String person) {
    return campaign + '\u0000' + poster.value() + '\u0000' + person;
  }

  private static String key(String programme, CustomerId referee) {
    return programme + '\u0000' + referee.value();
  }

  @Override
  public String toString() {
    return "InMemoryReferralStore[" + rewards.size() + " rewards, " + attributions.size() + " attributions]";
  }
}
