package org.guichet.events.payload;

/** Who pays: the token subject, plus the contact data the citizen gave for receipts. */
public record Payer(String subject, String name, String email, String language) {
}
