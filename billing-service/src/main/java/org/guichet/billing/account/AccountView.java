package org.guichet.billing.account;

import java.time.LocalDate;

public record AccountView(String accountId, String name, String city, String postalCode, String phone, String email,
                          String language, String patronType, LocalDate registrationValidUntil,
                          String principalAccountId, java.time.Instant collectionsSince, java.time.Instant closedAt,
                          java.time.Instant pseudonymisedAt) {
    static AccountView of(Account a) {
        return new AccountView(a.accountId, a.name, a.city, a.postalCode, a.phone, a.email, a.language, a.patronType,
                a.registrationValidUntil, a.principalAccountId, a.collectionsSince, a.closedAt, a.pseudonymisedAt);
    }
}
