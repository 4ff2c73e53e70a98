package org.guichet.billing.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.guichet.billing.account.Account;
import org.guichet.billing.account.AccountHistoryEntry;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.platform.db.NativeSql;
import org.guichet.platform.outbox.Outbox;
import org.guichet.platform.privacy.Pseudonym;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Personal data: the retention policy of one institution for one business date, in one transaction under an
 * advisory lock (two replicas, or the nightly job and POST /admin/retention, never run it at once):
 * <ol>
 *   <li>accounts closed before the date less {@code retention.closed-accounts} are pseudonymised —
 *   name, addresses, phone, email and notes — with history PSEUDONYMISED and {@code AccountPseudonymised},
 *   which the other services apply to what they hold of that person;</li>
 *   <li>personal data on transactions before the date less {@code retention.transactions} goes: billing
 *   erases the notes on its history, and {@code TransactionsPastRetention} (once per date) tells the
 *   other services the cut-off, so every service erases the same transactions.</li>
 * </ol>
 * The periods count from the start of the business date in the institution's time zone: data is kept
 * at least the whole period. Running a date again changes nothing.
 */
@ApplicationScoped
public class Retention {
    public static final String OPERATOR = "retention-policy";
    static final String RUN = """
            insert into retention_run (tenant, business_date, transactions_before, accounts, ran_at)
            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""";

    /** What a run did. */
    public record Result(String tenant, LocalDate businessDate, Instant accountsClosedBefore, int accountsPseudonymised,
                         Instant transactionsBefore, boolean cutOffPublished) {
    }

    @Inject
    InstitutionsConfig institutions;
    @Inject
    BillingPersonalData personalData;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    void checkPeriods(@Observes StartupEvent start) {
        institutions.institutions().forEach((tenant, institution) -> {
            InstitutionsConfig.Retention r = institution.retention();
            if (r.closedAccounts().isNegative() || r.transactions().isNegative()) {
                throw new IllegalStateException("guichet.billing.institutions." + tenant
                        + ".retention: periods cannot be negative");
            }
        });
    }

    /** For the institution's business date today, by the injected clock, in its time zone. */
    public Uni<Result> runToday(String tenant) {
        return run(tenant, LocalDate.now(clock.withZone(institutions.of(tenant).timeZone())));
    }

    public Uni<Result> run(String tenant, LocalDate businessDate) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        Instant accountsBefore = cutOff(businessDate, institution.retention().closedAccounts(), institution);
        Instant transactionsBefore = cutOff(businessDate, institution.retention().transactions(), institution);
        return Panache.withTransaction(() -> NativeSql.column("select cast(pg_advisory_xact_lock(hashtext(?1)) as text)",
                        String.class, "retention:" + tenant)
                .flatMap(locked -> Account.<Account>list("tenant = ?1 and closedAt < ?2 and pseudonymisedAt is null "
                        + "order by closedAt", tenant, accountsBefore))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(a -> pseudonymise(a).replaceWith(a))
                        .collect().asList().map(List::size))
                .flatMap(accounts -> personalData.pseudonymiseBefore(tenant, transactionsBefore)
                        .flatMap(x -> NativeSql.execute(RUN, tenant, businessDate, utc(transactionsBefore), accounts,
                                utc(clock.instant())))
                        .call(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                                : outbox.publish(EventType.TRANSACTIONS_PAST_RETENTION, tenant, tenant, null,
                                new TransactionsPastRetention(transactionsBefore,
                                        institution.retention().transactions().toString(), businessDate)))
                        .map(inserted -> new Result(tenant, businessDate, accountsBefore, accounts,
                                transactionsBefore, inserted == 1))));
    }

    private Uni<Void> pseudonymise(Account account) {
        String pseudonym = Pseudonym.of(account.tenant, account.accountId);
        return personalData.pseudonymise(account.tenant, account.accountId, pseudonym)
                .call(() -> AccountHistoryEntry.of(account.tenant, account.accountId, AccountHistoryEntry.PSEUDONYMISED,
                        null, OPERATOR, null, clock.instant()).persist())
                .call(() -> outbox.publish(EventType.ACCOUNT_PSEUDONYMISED, account.tenant, account.accountId, null,
                        new AccountPseudonymised(account.accountId, pseudonym, account.closedAt)))
                .replaceWithVoid();
    }

    static Instant cutOff(LocalDate businessDate, Period period, InstitutionsConfig.Institution institution) {
        return businessDate.minus(period).atStartOfDay(institution.timeZone()).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
