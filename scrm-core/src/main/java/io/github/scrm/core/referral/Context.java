package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.PersonDirectory;
import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.time.BusinessTime;
import java.util.Map;

/** What programmes and campaigns share: the ports, the ledger, the cross-programme referral graph and the counters. */
record Context(
    PersonDirectory directory, ReferralStore store, RewardLedger ledger, BusinessTime time, IdSource ids,
    Screening screening, Map<CustomerId, CustomerId> referrerOf, Analytics analytics) {}
