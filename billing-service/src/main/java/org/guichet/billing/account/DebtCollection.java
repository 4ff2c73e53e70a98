package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceHistoryEntry;
import org.guichet.billing.payment.BillPayments;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountSentToCollections;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * R16: an account sent to the collection agency. Each open bill records the transfer (R8); from then
 * on only the full balance can be paid — at the counter, online or from credit.
 */
@ApplicationScoped
public class DebtCollection {
    @Inject
    BillPayments bills;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<AccountSentToCollections> send(String tenant, String accountId, String operator, String notes) {
        String currency = institutions.of(tenant).currency();
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(account -> {
                    if (account == null) {
                        throw Problems.notFound("Account " + accountId);
                    }
                    if (account.principalAccountId != null) {
                        throw Problems.unprocessable("proxy-account", "Account " + accountId
                                + " is a proxy: send its principal " + account.principalAccountId + " to collections");
                    }
                    if (account.collectionsSince != null) {
                        throw Problems.conflict("already-in-collections", "Account " + accountId
                                + " was sent to collections on " + account.collectionsSince);
                    }
                    return Family.of(tenant, accountId)
                            .flatMap(family -> bills.openBills(tenant, family.members(), List.of()))
                            .flatMap(open -> {
                                long balance = open.stream().mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
                                if (balance == 0) {
                                    throw Problems.unprocessable("nothing-owed", "Account " + accountId + " owes nothing");
                                }
                                Instant now = clock.instant();
                                account.collectionsSince = now;
                                AccountSentToCollections event = new AccountSentToCollections(accountId, balance,
                                        currency, operator, notes);
                                return Multi.createFrom().iterable(open).onItem().transformToUniAndConcatenate(bill -> {
                                            InvoiceHistoryEntry e = InvoiceHistoryEntry.of(bill,
                                                    InvoiceHistoryEntry.COLLECTIONS, bill.outstanding(), operator, now);
                                            e.notes = notes;
                                            return e.persist();
                                        }).collect().asList()
                                        .call(() -> AccountHistoryEntry.of(tenant, accountId,
                                                AccountHistoryEntry.COLLECTIONS, balance, operator, notes, now).persist())
                                        .call(() -> outbox.publish(EventType.ACCOUNT_SENT_TO_COLLECTIONS, tenant,
                                                accountId, null, event))
                                        .replaceWith(event);
                            });
                });
    }
}
