package org.guichet.events.payload;

import java.time.Instant;

/**
 * The account was closed by staff with nothing left on it (no open bill, loan, refund or credit). Its
 * holder's personal data is kept for the institution's retention period, then pseudonymised
 * ({@link AccountPseudonymised}).
 */
public record AccountClosed(String accountId, Instant closedAt, String operator) {
}
