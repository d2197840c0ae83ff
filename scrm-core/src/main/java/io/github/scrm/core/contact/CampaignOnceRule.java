package io.github.scrm.core.contact;

import java.time.ZoneId;
import java.util.List;

/** A customer receives each campaign at most once, on any channel, ever. */
record CampaignOnceRule(String name) implements ContactRule {

  @Override
  public List<ContactLimit> limits(ContactRequest request, ZoneId businessZone) {
    return request.campaign()
        .map(campaign -> List.<ContactLimit>of(ImmutableContactLimit.builder()
            .rule(name)
            .reason(DenialReason.CAMPAIGN_ALREADY_SENT)
            .description("campaign " + campaign.value() + " at most once per customer")
            .campaign(campaign)
            .from(ContactLimit.BEGINNING)
            .until(ContactLimit.END)
            .max(1)
            .build()))
        .orElse(List.of());
  }
}
