package io.github.scrm.core.referral;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.spi.PersonalDataParticipant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The referral engine's part in PIPL requests: what the {@link io.github.scrm.core.spi.ReferralStore} holds about a
 * customer in every programme and campaign, and the erasure of what identifies them as a supporter. Customer ids stay
 * on codes, attributions and rewards: like the profile's, they are kept with the anonymous aggregates, so budgets,
 * caps and analytics still add up after an erasure. Supports are kept counted under a random name instead (see
 * {@link #erase}), since a prospect's name holds an identifier.
 *
 * <p>A customer's supports are those recorded under their customer id and those recorded while they were still a
 * prospect: under {@code prospect:<key>} where the key is one of the identifiers the directory now gives the customer,
 * or with such an identifier among the support's recorded keys (the prospect was named by another identifier seen
 * with it). The identifiers are read when the request is made, so an erasure must ask this participant before the
 * profile's identifiers are unbound, as {@code Scrm.privacy().erase} does.
 */
final class ReferralPrivacy implements PersonalDataParticipant {
  private static final int ATTEMPTS = 8;

  private final Context ctx;
  private final SupporterCampaigns campaigns;

  ReferralPrivacy(Context ctx, SupporterCampaigns campaigns) {
    this.ctx = ctx;
    this.campaigns = campaigns;
  }

  @Override
  public String name() {
    return "referrals";
  }

  @Override
  public Object export(CustomerId customer) {
    List<Map<String, Object>> codes = new ArrayList<>();
    List<Map<String, Object>> referredBy = new ArrayList<>();
    List<Map<String, Object>> rewards = new ArrayList<>();
    List<Map<String, Object>> supports = new ArrayList<>();
    Set<String> persons = personsOf(customer, allSupports());
    for (RewardLedger.Account account : sorted(ctx.ledger().accounts())) {
      String id = account.programme;
      ctx.store().codeOf(id, customer).ifPresent(a -> {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("programme", id);
        c.put("code", a.code().value());
        c.put("issuedAt", a.issuedAt().toString());
        codes.add(c);
      });
      ctx.store().attributionOf(id, customer).ifPresent(a -> {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("programme", id);
        r.put("referrer", a.referrer().value());
        r.put("explicit", a.explicit());
        r.put("touchedAt", a.touchedAt().toString());
        r.put("attributedAt", a.attributedAt().toString());
        referredBy.add(r);
      });
      for (Reward w : ctx.store().rewardsOf(id)) {
        boolean beneficiary = w.beneficiary().equals(customer);
        if (beneficiary || w.referee().filter(customer::equals).isPresent()) {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("rewardId", w.rewardId());
          r.put("programme", id);
          r.put("role", beneficiary ? "beneficiary" : "referee");
          r.put("trigger", w.trigger());
          r.put("level", w.level());
          w.orderId().ifPresent(o -> r.put("orderId", o));
          r.put("rewardKey", w.rewardKey());
          r.put("value", w.value().toString());
          r.put("state", w.state().name());
          r.put("qualifiedAt", w.qualifiedAt().toString());
          rewards.add(r);
        }
      }
      for (SupportRecord s : ctx.store().supportsOf(id)) {
        if (persons.contains(s.person())) {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("campaign", id);
          r.put("poster", s.poster().value());
          r.put("asProspect", s.person().startsWith(CampaignRun.PROSPECT));
          r.put("at", s.at().toString());
          r.put("identifierKeys", s.identifierKeys().size());
          s.device().ifPresent(d -> r.put("device", d));
          s.network().ifPresent(n -> r.put("network", n));
          supports.add(r);
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("codes", codes);
    out.put("referredBy", referredBy);
    out.put("rewards", rewards);
    out.put("supports", supports);
    return out;
  }

  /**
   * Renames each of the customer's supporter names, in the store and in the running campaigns, to a fresh random
   * {@code erased:} name drawn from {@link io.github.scrm.core.spi.IdSource#random()}, one per name, and drops the
   * identifier keys, device and network. A prospect name carries an identifier key, in clear for types such as the
   * WeChat openid, and a customer name the customer id; the random name links back to neither, while each poster
   * still counts the person once. The store is renamed first: if it fails, nothing changed in memory and a retry
   * starts afresh.
   */
  @Override
  public int erase(CustomerId customer) {
    List<SupportRecord> supports = allSupports();
    Set<String> held = new HashSet<>();
    for (SupportRecord s : supports) {
      held.add(s.person());
    }
    RandomGenerator random = ctx.ids().random();
    int changed = 0;
    for (String person : personsOf(customer, supports)) {
      String anonymous = anonymousName(random, held);
      changed += ctx.store().redactSupports(person, anonymous);
      List<SupportRecord> theirs = supports.stream().filter(s -> s.person().equals(person)).toList();
      campaigns.forget(person, anonymous, theirs);
    }
    return changed;
  }

  /** 128 random bits behind {@link CampaignRun#ERASED}, none a name the store holds. */
  private static String anonymousName(RandomGenerator random, Set<String> held) {
    for (int i = 0; i < ATTEMPTS; i++) {
      String name = CampaignRun.ERASED + HexFormat.of().toHexDigits(random.nextLong())
          + HexFormat.of().toHexDigits(random.nextLong());
      if (held.add(name)) {
        return name;
      }
    }
    throw new ScrmException("could not draw a fresh anonymous supporter name in " + ATTEMPTS
        + " attempts: the IdSource's random generator repeats itself");
  }

  /** Every support in every campaign. */
  private List<SupportRecord> allSupports() {
    List<SupportRecord> out = new ArrayList<>();
    for (RewardLedger.Account account : ctx.ledger().accounts()) {
      out.addAll(ctx.store().supportsOf(account.programme));
    }
    return out;
  }

  /**
   * The names {@code customer} supported under: their customer name, and every prospect name that is, or was recorded
   * with, one of the identifiers the directory gives them now. Sorted, so an erasure redacts in a stable order.
   */
  private Set<String> personsOf(CustomerId customer, List<SupportRecord> supports) {
    Set<String> keys = new HashSet<>();
    for (Identifier id : ctx.directory().identifiersOf(customer)) {
      keys.add(id.key());
    }
    Set<String> persons = new TreeSet<>();
    persons.add(CampaignRun.personOf(customer));
    for (String key : keys) {
      persons.add(CampaignRun.PROSPECT + key);
    }
    for (SupportRecord s : supports) {
      if (s.person().startsWith(CampaignRun.PROSPECT) && s.identifierKeys().stream().anyMatch(keys::contains)) {
        persons.add(s.person());
      }
    }
    return persons;
  }

  private static List<RewardLedger.Account> sorted(List<RewardLedger.Account> accounts) {
    List<RewardLedger.Account> out = new ArrayList<>(accounts);
    out.sort(java.util.Comparator.comparing(a -> a.programme));
    return out;
  }
}
