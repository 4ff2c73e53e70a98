package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.platform.error.Problems;
import org.guichet.platform.text.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patron's or citizen's account in one institution, with what agents search it by (R24). */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String accountId;
    public String name;
    public String nameFolded;
    public String city;
    public String cityFolded;
    public String postalCode;
    public String phone;
    public String phoneDigits;
    public String email;
    public String language;
    public String patronType;
    public LocalDate registrationValidUntil;
    /** R9: set on a proxy, naming the account it acts for. */
    public String principalAccountId;
    /** R16: when the account went to the collection agency; from then only the full balance is paid. */
    public Instant collectionsSince;
    /** Closed by staff with nothing left on it; no new bills or loans from then on. */
    public Instant closedAt;
    public String closedBy;
    /** When the holder's personal data was replaced by {@link #pseudonym} (the retention period ran out). */
    public Instant pseudonymisedAt;
    public String pseudonym;
    public Instant createdAt;
    public Instant updatedAt;

    /** Keeps the search columns in step with what was entered. */
    public void refreshSearchColumns() {
        nameFolded = SearchText.fold(name);
        cityFolded = city == null ? null : SearchText.fold(city);
        phoneDigits = phone == null ? null : digits(phone);
    }

    /** A closed account takes no new bill, loan or registration (409 account-closed); an unknown one is let be. */
    public static Uni<Void> requireOpen(String tenant, String accountId) {
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, accountId).firstResult()
                .invoke(a -> {
                    if (a != null && a.closedAt != null) {
                        throw closed(a);
                    }
                }).replaceWithVoid();
    }

    static org.guichet.platform.error.ProblemException closed(Account a) {
        return Problems.conflict("account-closed", "Account " + a.accountId + " was closed on " + a.closedAt);
    }

    /** Only the digits: spaces, dashes, dots and brackets in phone numbers are ignored. */
    public static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}
