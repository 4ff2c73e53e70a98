package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountRegistered;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;
import org.guichet.platform.text.SearchText;

import java.time.Clock;
import java.util.List;

/**
 * Registering accounts and finding them the way counter agents do (R24): account number (exact),
 * name with {@code *} wildcards (accents and case ignored), city (exact), postal code with
 * {@code *}, phone (digits only). Criteria combine; at most {@link #LIMIT} answers.
 */
@ApplicationScoped
public class AccountSearch {
    static final int LIMIT = 50;

    public record Criteria(String number, String name, String city, String postalCode, String phone) {
        boolean empty() {
            return blank(number) && blank(name) && blank(city) && blank(postalCode) && blank(phone);
        }
    }

    @Inject
    Clock clock;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Outbox outbox;

    /** Registers or updates an account and tells the other services (AccountRegistered). */
    @WithTransaction
    public Uni<Account> register(String tenant, AccountRequest request) {
        boolean onlineNeedsValidRegistration = institutions.of(tenant).onlinePaymentNeedsValidRegistration();
        return checkPrincipal(tenant, request)
                .flatMap(ok -> Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, request.accountId()).<Account>firstResult())
                .flatMap(existing -> {
                    if (existing != null && existing.closedAt != null) {
                        // re-registering would tie new personal data to a closed (maybe pseudonymised) account
                        throw Account.closed(existing);
                    }
                    Account a = existing != null ? existing : new Account();
                    if (existing == null) {
                        a.id = Ids.newId();
                        a.tenant = tenant;
                        a.accountId = request.accountId();
                        a.createdAt = clock.instant();
                    }
                    a.name = request.name();
                    a.city = request.city();
                    a.postalCode = request.postalCode();
                    a.phone = request.phone();
                    a.email = request.email();
                    a.language = request.language();
                    a.patronType = request.patronType();
                    a.registrationValidUntil = request.registrationValidUntil();
                    a.principalAccountId = blank(request.principalAccountId()) ? null : request.principalAccountId();
                    a.updatedAt = clock.instant();
                    a.refreshSearchColumns();
                    return (existing != null ? Uni.createFrom().item(a) : a.<Account>persist().replaceWith(a))
                            .call(saved -> outbox.publish(EventType.ACCOUNT_REGISTERED, tenant, a.accountId, null,
                                    new AccountRegistered(a.accountId, a.name, a.email, a.language, a.patronType,
                                            a.registrationValidUntil, onlineNeedsValidRegistration, a.principalAccountId)));
                });
    }

    /** R9: a proxy's principal is another registered account of the institution, and not itself a proxy. */
    private static Uni<Boolean> checkPrincipal(String tenant, AccountRequest request) {
        String principal = request.principalAccountId();
        if (blank(principal)) {
            return Uni.createFrom().item(true);
        }
        if (principal.equals(request.accountId())) {
            throw Problems.invalid("An account cannot be its own principal",
                    new FieldError("principalAccountId", "must name another account"));
        }
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, principal).firstResult().map(p -> {
            if (p == null || p.principalAccountId != null) {
                throw Problems.invalid("The principal must be a registered account that is not itself a proxy",
                        new FieldError("principalAccountId", "unknown account or a proxy"));
            }
            return true;
        });
    }

    @WithSession
    public Uni<List<Account>> find(String tenant, Criteria c) {
        if (c.empty()) {
            throw Problems.invalid("Give at least one of number, name, city, postalCode, phone");
        }
        StringBuilder q = new StringBuilder("tenant = :tenant");
        Parameters p = Parameters.with("tenant", tenant);
        if (!blank(c.number())) {
            q.append(" and accountId = :number");
            p.and("number", c.number().trim());
        }
        if (!blank(c.name())) {
            q.append(" and nameFolded like :name escape '\\'");
            p.and("name", SearchText.likeWithStars(SearchText.fold(c.name())));
        }
        if (!blank(c.city())) {
            q.append(" and cityFolded = :city");
            p.and("city", SearchText.fold(c.city()));
        }
        if (!blank(c.postalCode())) {
            q.append(" and postalCode like :postal escape '\\'");
            p.and("postal", SearchText.likeWithStars(c.postalCode().trim()));
        }
        if (!blank(c.phone())) {
            String digits = Account.digits(c.phone());
            if (digits.isEmpty()) {
                throw Problems.invalid("A phone number needs digits");
            }
            q.append(" and phoneDigits = :phone");
            p.and("phone", digits);
        }
        return Account.<Account>find(q + " order by nameFolded, accountId", p).page(Page.ofSize(LIMIT)).list();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
