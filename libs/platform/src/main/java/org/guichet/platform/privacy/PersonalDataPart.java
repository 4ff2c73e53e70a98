package org.guichet.platform.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one service holds about one person (tenant + account id / token subject): its records by kind
 * ({@code "payments"}, {@code "emails"}, ...), each a list of rows as the database holds them — never a
 * secret (gateway keys, refund-form tokens). Every kind the service looked in is there, empty when it
 * holds none of that kind.
 */
public record PersonalDataPart(String service, String tenant, String subject, Instant generatedAt,
                               Map<String, List<Map<String, Object>>> records) {
}
