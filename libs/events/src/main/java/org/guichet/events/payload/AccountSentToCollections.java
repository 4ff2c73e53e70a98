package org.guichet.events.payload;

/** The account went to the collection agency (R16): from now on only the full balance can be paid. */
public record AccountSentToCollections(String accountId, long balance, String currency, String operator,
                                       String notes) {
}
