package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.LocalDate;

/** Works out an account's {@link Payability} for a caller of one institution (R9, R10, R15, R16). */
@ApplicationScoped
public class PayabilityCheck {
    static final String BALANCE = "select coalesce(sum(amount - paid - waived), 0)::bigint from invoice "
            + "where tenant = ?1 and account_id = any(?2) and state in ('OPEN', 'PARTIALLY_PAID')";

    @Inject
    InstitutionsConfig institutions;
    @Inject
    Clock clock;

    /** In a session. Another institution's account is visible only where it accepts the caller's payments (R10). */
    public Uni<Payability> of(String callerTenant, String institutionCode, String accountId) {
        if (!callerTenant.equals(institutionCode) && (!institutions.institutions().containsKey(institutionCode)
                || !institutions.of(institutionCode).acceptsPaymentsFrom(callerTenant))) {
            throw Problems.notFound("Account " + accountId + " of " + institutionCode);
        }
        InstitutionsConfig.Institution institution = institutions.of(institutionCode);
        LocalDate today = LocalDate.now(clock.withZone(institution.timeZone()));
        return Family.of(institutionCode, accountId).flatMap(family -> Account.<Account>find(
                        "tenant = ?1 and accountId = ?2", institutionCode, accountId).firstResult()
                .flatMap(account -> Panache.getSession().flatMap(s -> s.createNativeQuery(BALANCE, Long.class)
                                .setParameter(1, institutionCode)
                                .setParameter(2, family.members().toArray(new String[0])).getSingleResult())
                        .map(balance -> {
                            LocalDate validUntil = account == null ? null : account.registrationValidUntil;
                            boolean expired = validUntil != null && validUntil.isBefore(today);
                            boolean online = !family.isProxy()
                                    && !(expired && institution.onlinePaymentNeedsValidRegistration());
                            return new Payability(accountId, institutionCode, institution.currency(), balance,
                                    family.collections(), !family.isProxy(), family.isProxy() ? "PROXY" : null,
                                    family.principal(), online, validUntil);
                        })));
    }
}
