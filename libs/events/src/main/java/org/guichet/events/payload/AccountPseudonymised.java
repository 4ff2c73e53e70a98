package org.guichet.events.payload;

import java.time.Instant;

/**
 * The closed account's retention period ran out: billing replaced its holder's name, addresses, phone
 * and email by {@code pseudonym}. Every service replaces what it holds of that person (payer names and
 * emails, bank details of refunds made, contacts, emails sent, the read model's name) the same way;
 * amounts, references, dates, régies, states and lines stay (R17).
 */
public record AccountPseudonymised(String accountId, String pseudonym, Instant closedAt) {
}
