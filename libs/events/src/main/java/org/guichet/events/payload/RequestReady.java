package org.guichet.events.payload;

import java.util.List;
import java.util.Map;

/**
 * A procedure request the régie's agents may now process (R21): paid, or free. {@code agents} are
 * the régie's addresses at that moment; {@code paymentId} is null for a free request.
 */
public record RequestReady(String requestId, String procedure, String title, String regie, long amount, String currency,
                           String paymentId, Map<String, String> criteria, Payer payer, List<String> agents) {
}
