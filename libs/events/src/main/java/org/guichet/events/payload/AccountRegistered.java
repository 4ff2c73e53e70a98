package org.guichet.events.payload;

import java.time.LocalDate;

/**
 * An account was registered or its data changed: contact data for receipts, patron type,
 * registration validity (R15: whether it may pay online), the principal of a proxy (R9).
 */
public record AccountRegistered(String accountId, String name, String email, String language, String patronType,
                                LocalDate registrationValidUntil, boolean onlinePaymentNeedsValidRegistration,
                                String principalAccountId) {
}
