package io.github.scrm.examples.quickstart;

import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.contact.ContactDecision;
import io.github.scrm.core.contact.ContactLedgers;
import io.github.scrm.core.contact.ContactPolicy;
import io.github.scrm.core.profile.ProfilePorts;
import io.github.scrm.core.contact.ContactRequest;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.DepartureReport;
import io.github.scrm.core.staff.ReassignmentStrategy;
import io.github.scrm.core.staff.StaffDirectory;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffMember;
import io.github.scrm.core.staff.StaffStores;
import io.github.scrm.core.staff.TransferOutcome;
import io.github.scrm.segmentation.Compilation;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.SegmentAudience;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.ShippedRuleSets;
import io.github.scrm.segmentation.TagResult;
import io.github.scrm.segmentation.spi.ContactEligibility;
import io.github.scrm.segmentation.spi.ProfileLookup;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Sections 2 and 3: tags from the shipped rule sets, and the end-of-season audience under the contact policy. */
final class Audiences {

  static final String END_OF_SEASON = "lumen_end_of_season";
  private static final String CAMPAIGN_RULES = """
      {"schemaVersion": 1, "name": "lumen-campaigns", "version": 1, "rules": [
        {"id": "lumen_end_of_season", "kind": "segment", "owner": "crm",
         "description": "bought Lumen in the last 90 days and mostly buys discounted items",
         "when": "purchase.brands.90d contains 'Lumen' and orders.discountedShare >= 0.5"}]}
      """;

  private final Story story;
  private final Segmentation segmentation;
  final ContactPolicy policy;
  SegmentAudience audience;

  Audiences(Story story) {
    this.story = story;
    this.segmentation = Segmentation.builder().businessTime(story.time).build();
    this.policy = ContactPolicy.builder().subjects(ProfilePorts.contactSubjects(story.scrm)).ledger(ContactLedgers.inMemory()).time(story.time)
        .build();
  }

  CompiledRuleSet retailRules() {
    return segmentation.active().orElseThrow();
  }

  void tags() {
    story.heading("2. Profiles and tags");
    if (segmentation.activate(ShippedRuleSets.retailSeed()) instanceof Compilation.Rejected r) {
      throw new IllegalStateException("the shipped rule set must compile: " + r.report());
    }
    CompiledRuleSet rules = segmentation.active().orElseThrow();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    rules.ruleIds().forEach(id -> sizes.put(id, 0));
    CustomerId explained = null;
    for (Map.Entry<CustomerId, AttributeValues> e : story.values.entrySet()) {
      TagResult result = rules.evaluate(e.getValue(), Story.NOW);
      for (String id : rules.ruleIds()) {
        if (result.has(id)) {
          sizes.merge(id, 1, Integer::sum);
        }
      }
      if (explained == null && result.has("socially_active_consumer")) {
        explained = e.getKey();
      }
    }
    story.out.println("Rule set " + rules.name() + " v" + rules.version() + " over " + story.values.size()
        + " profiles; customers per tag or segment:");
    StringBuilder line = new StringBuilder(" ");
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      String cell = " " + e.getKey() + " " + e.getValue();
      if (line.length() + cell.length() > 100) {
        story.out.println(line);
        line = new StringBuilder(" ");
      }
      line.append(cell).append(" |");
    }
    story.out.println(line);
    TagResult meiTags = rules.evaluate(story.values.get(story.mei), Story.NOW);
    story.out.println("Mei's tags: " + meiTags.tagNames());
    if (explained != null) {
      story.out.println("Why " + explained + " is a socially active consumer:");
      story.out.println(indent(rules.explain(story.values.get(explained), Story.NOW, "socially_active_consumer")
          .toString()));
    }
  }

  void endOfSeason() {
    story.heading("3. An audience for the end-of-season discount");
    // this morning's new-arrivals push reached some customers already: the daily cap keeps them out today
    CampaignId newArrivals = CampaignId.of("new-arrivals-0930");
    int pushed = 0;
    for (int i = 0; i < story.customers.size() - 1; i += 20) {
      if (policy.checkAndRecord(request(story.customers.get(i), Story.NOW.minus(Duration.ofHours(1)), newArrivals))
          .allowed()) {
        pushed++;
      }
    }
    story.out.println("This morning's new-arrivals push reached " + pushed + " customers (09:00).");
    Compilation compiled = segmentation.compile(CAMPAIGN_RULES);
    if (!(compiled instanceof Compilation.Compiled c)) {
      throw new IllegalStateException("the campaign rules must compile: " + compiled);
    }
    CampaignId eos = CampaignId.of("lumen-eos-2026");
    audience = SegmentAudience.builder("lumen-end-of-season").rule(c.ruleSet(), END_OF_SEASON)
        .profiles(ProfileLookup.of(story.values)).businessTime(story.time)
        .contactEligibility(ContactEligibility.of(policy, (customer, at) -> request(customer, at, eos)))
        .build();
    story.out.println("Rule: purchase.brands.90d contains 'Lumen' and orders.discountedShare >= 0.5");
    SegmentAudience.DryRun dry = audience.dryRun(3);
    story.out.println("Dry run: " + dry.matching() + " match, " + dry.size() + " can be reached now; left out: "
        + dry.exclusions());
    story.out.println("  sample: " + dry.sample());

    staffLeaves();

    story.out.println("The end-of-season message goes to Mei on WeCom, then a flash-sale push tries the same day:");
    ContactDecision first = policy.checkAndRecord(request(story.mei, Story.NOW, eos));
    ContactDecision second = policy.checkAndRecord(
        request(story.mei, Story.NOW.plus(Duration.ofMinutes(30)), CampaignId.of("flash-sale-0930")));
    story.out.println("  10:00 end-of-season: " + describe(first));
    story.out.println("  10:30 flash sale:    " + describe(second));
  }

  private void staffLeaves() {
    StaffDirectory staff = StaffDirectory.builder().store(StaffStores.inMemory())
        .ids(IdSource.sequential("staff", Story.SEED)).time(story.time).build();
    StaffId lin = StaffId.of("s-lin");
    StaffId zhou = StaffId.of("s-zhou");
    StaffMember linMember = staff.register(lin, "SH-Jingan");
    StaffMember zhouMember = staff.register(zhou, "SH-Jingan");
    AcquisitionCode linCode = linMember.codes().iterator().next();
    AcquisitionCode zhouCode = zhouMember.codes().iterator().next();
    for (int i = 0; i < story.world.people.size(); i++) {
      World.Person p = story.world.people.get(i);
      if (p.store().equals("SH-Jingan") && p.unionid() != null) {
        staff.acquire(i % 3 == 0 ? zhouCode : linCode, story.customers.get(i), ContactChannel.WECOM);
      }
    }
    staff.acquire(linCode, story.mei, ContactChannel.WECOM);
    story.out.println("Staff at SH-Jingan: s-lin looks after " + staff.load(lin) + " customers, s-zhou after "
        + staff.load(zhou) + ".");
    DepartureReport report = staff.depart(lin, zhou, ReassignmentStrategy.LEAST_LOADED);
    int pending = report.outcomes(TransferOutcome.Pending.class).size();
    int moved = report.outcomes(TransferOutcome.Transferred.class).size();
    int refused = report.outcomes(TransferOutcome.Refused.class).size();
    story.out.println("s-lin leaves: " + (pending + moved) + " customers reassigned to s-zhou (" + pending
        + " pending the 24 h WeCom notice, " + moved + " at once, " + refused + " refused); her QR code now"
        + " adds customers to s-zhou.");
    report.outcomes(TransferOutcome.Pending.class).stream().filter(o -> o.customer().equals(story.mei)).findFirst()
        .ifPresent(o -> story.out.println("  Mei: s-lin -> " + o.transfer().to() + ", effective "
            + LocalDateTime.ofInstant(o.transfer().effectiveAt(), Story.SHANGHAI) + " unless she refuses"));
  }

  private static ContactRequest request(CustomerId customer, java.time.Instant at, CampaignId campaign) {
    return ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, at).withCampaign(campaign);
  }

  private static String describe(ContactDecision decision) {
    return decision instanceof ContactDecision.Denied d ? "refused by " + d.rule() + " (" + d.detail() + ")"
        : "allowed and recorded";
  }

  static String indent(String text) {
    return text.lines().map(l -> "  " + l).collect(Collectors.joining(System.lineSeparator()));
  }
}
