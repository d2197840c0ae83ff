package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.spi.PersonalDataParticipant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The referral engine's part in PIPL requests: what the {@link io.github.scrm.core.spi.ReferralStore} holds about a
 * customer in every programme and campaign, and the erasure of what identifies them as a supporter. Customer ids stay
 * on codes, attributions and rewards: like the profile's, they are kept with the anonymous aggregates, so budgets,
 * caps and analytics still add up after an erasure.
 *
 * <p>A customer's supports are those recorded under their customer id and those recorded while they were still a
 * prospect: under {@code prospect:<key>} where the key is one of the identifiers the directory now gives the customer,
 * or with such an identifier among the support's recorded keys (the prospect was named by another identifier seen
 * with it). The identifiers are read when the request is made, so an erasure must ask this participant before the
 * profile's identifiers are unbound, as {@code Scrm.privacy().erase} does.
 */
final class ReferralPrivacy implements PersonalDataParticipant {
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
    Set<String> persons = personsOf(customer);
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

  @Override
  public int erase(CustomerId customer) {
    int changed = 0;
    for (String person : personsOf(customer)) {
      campaigns.forget(person);
      changed += ctx.store().redactSupports(person);
    }
    return changed;
  }

  /**
   * The names {@code customer} supported under: their customer name, and every prospect name that is, or was recorded
   * with, one of the identifiers the directory gives them now. Sorted, so an erasure redacts in a stable order.
   */
  private Set<String> personsOf(CustomerId customer) {
    Set<String> keys = new HashSet<>();
    for (Identifier id : ctx.directory().identifiersOf(customer)) {
      keys.add(id.key());
    }
    Set<String> persons = new TreeSet<>();
    persons.add(CampaignRun.personOf(customer));
    for (String key : keys) {
      persons.add(CampaignRun.PROSPECT + key);
    }
    if (!keys.isEmpty()) {
      for (RewardLedger.Account account : ctx.ledger().accounts()) {
        for (SupportRecord s : ctx.store().supportsOf(account.programme)) {
          if (s.person().startsWith(CampaignRun.PROSPECT) && s.identifierKeys().stream().anyMatch(keys::contains)) {
            persons.add(s.person());
          }
        }
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
