package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountClosed;
import org.guichet.platform.db.NativeSql;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff close an account once nothing is left on it — no open bill (nor one being paid), no
 * item still out, no refund on its way, no prepaid credit, no open proxy acting for it. The closure is
 * history (R8) and {@code AccountClosed}; the holder's personal data is kept for the institution's
 * retention period, then pseudonymised ({@code org.guichet.billing.privacy.Retention}). A closed account
 * takes no new bill, loan or registration.
 */
@ApplicationScoped
public class AccountClosure {
    /** What is still on the account; each count must be zero to close it. */
    static final String OUTSTANDING = """
            select (select count(*) from invoice where tenant = ?1 and account_id = ?2
                        and (state in ('OPEN', 'PARTIALLY_PAID') or pending_payment_id is not null)),
                   (select count(*) from loan where tenant = ?1 and account_id = ?2
                        and returned_on is null and lost_on is null),
                   (select count(*) from refund where tenant = ?1 and account_id = ?2 and state = 'REQUESTED'),
                   (select coalesce(sum(balance), 0) from account_credit where tenant = ?1 and account_id = ?2),
                   (select count(*) from account where tenant = ?1 and principal_account_id = ?2 and closed_at is null)
            """;
    static final String[] WHAT = {"open or pending bills", "loans not returned", "refunds on their way",
            "prepaid credit (minor units)", "open proxy accounts"};

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Account> close(String tenant, String accountId, String operator, String notes) {
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(account -> {
                    if (account == null) {
                        throw Problems.notFound("Account " + accountId);
                    }
                    if (account.closedAt != null) {
                        throw Problems.conflict("already-closed", "Account " + accountId + " was closed on "
                                + account.closedAt);
                    }
                    return NativeSql.rows(OUTSTANDING, tenant, accountId).map(rows -> {
                        Object[] counts = rows.get(0);
                        List<String> left = new ArrayList<>();
                        for (int i = 0; i < counts.length; i++) {
                            long n = ((Number) counts[i]).longValue();
                            if (n > 0) {
                                left.add(WHAT[i] + ": " + n);
                            }
                        }
                        if (!left.isEmpty()) {
                            throw Problems.conflict("account-not-settled", "Account " + accountId
                                    + " cannot be closed while something is left on it: " + String.join(", ", left));
                        }
                        return account;
                    });
                })
                .call(account -> {
                    Instant now = clock.instant();
                    account.closedAt = now;
                    account.closedBy = operator;
                    account.updatedAt = now;
                    return AccountHistoryEntry.of(tenant, accountId, AccountHistoryEntry.CLOSED, null, operator, notes,
                                    now).persist()
                            .call(() -> outbox.publish(EventType.ACCOUNT_CLOSED, tenant, accountId, null,
                                    new AccountClosed(accountId, now, operator)));
                });
    }
}
