package org.guichet.events.payload;

/**
 * An agent refused a request (R22): the citizen is told why and, if they paid ({@code paymentId}),
 * refunded {@code amount} — through the gateway where it can, else by transfer to an IBAN they give.
 */
public record RequestRefused(String requestId, String procedure, String title, String regie, long amount,
                             String currency, String paymentId, String reason, String refusedBy, Payer payer) {
}
