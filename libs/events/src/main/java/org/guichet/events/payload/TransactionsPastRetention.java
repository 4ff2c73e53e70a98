package org.guichet.events.payload;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The institution's transactions older than {@code before} are past the retention period of their
 * personal data ({@code retention}, an ISO 8601 period, from billing's configuration of the institution):
 * each service pseudonymises the payer data it holds on them. Published by billing's retention job once
 * per institution and business date, keyed by the tenant; {@code before} only moves forward, so applying
 * the newest one covers every earlier one.
 */
public record TransactionsPastRetention(Instant before, String retention, LocalDate businessDate) {
}
