package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.fine.FixationService;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountBlocked;
import org.guichet.events.payload.AccountUnblocked;
import org.guichet.platform.db.SessionSql;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * R6: an account whose patron type allows at most N waived bills, or whose debt reached the type's
 * threshold, is blocked from borrowing and holds. Re-assessed in the transaction of every change
 * that can move either figure; a block added or lifted is recorded and published. The insert and
 * delete are conditional, so two transactions re-assessing the same account publish each change once.
 */
@ApplicationScoped
public class AccountStanding {
    /** Bills a person waived (a policy clearing a found item's bill is no waiver); cancelled bills never count (R5). */
    static final String WAIVED_BILLS = """
            select count(distinct h.invoice_id) from invoice_history h join invoice i on i.id = h.invoice_id
            where i.tenant = $1 and i.account_id = $2 and h.action = 'WAIVE' and h.operator <> '%s'
            """.formatted(FixationService.OPERATOR);
    /** What an account owes now: its open bills' outstanding amounts (R2's current charges). */
    static final String DEBT = "select coalesce(sum(amount - paid - waived), 0)::bigint from invoice "
            + "where tenant = $1 and account_id = $2 and state in ('OPEN', 'PARTIALLY_PAID')";

    public record Block(String reason, String detail, Instant since) {
    }

    @Inject
    InstitutionsConfig institutions;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** In the caller's transaction. */
    public Uni<Void> reassess(String tenant, String accountId) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, accountId).firstResult()
                .flatMap(account -> {
                    var type = institution.patronType(account == null ? null : account.patronType);
                    String typeName = account != null && account.patronType != null ? account.patronType
                            : institution.defaultPatronType().orElse("-");
                    return scalar(WAIVED_BILLS, tenant, accountId).flatMap(waived -> scalar(DEBT, tenant, accountId)
                            .flatMap(debt -> {
                                Map<String, String> wanted = new LinkedHashMap<>();
                                type.flatMap(InstitutionsConfig.PatronType::maxWaivedBills)
                                        .filter(max -> waived > max)
                                        .ifPresent(max -> wanted.put(AccountBlocked.MAX_WAIVED_BILLS, waived
                                                + " waived bills, at most " + max + " for patron type " + typeName));
                                type.flatMap(InstitutionsConfig.PatronType::debtBlockThreshold)
                                        .filter(threshold -> debt >= threshold)
                                        .ifPresent(threshold -> wanted.put(AccountBlocked.DEBT_THRESHOLD, "debt "
                                                + debt + " reached the threshold " + threshold + " " + institution.currency()));
                                return apply(tenant, accountId, wanted);
                            }));
                });
    }

    public Uni<List<Block>> blocks(String tenant, String accountId) {
        return SessionSql.rows("select reason, detail, since from account_block where tenant = $1 and account_id = $2 "
                        + "order by reason", tenant, accountId)
                .map(rows -> rows.stream().map(r -> new Block((String) r[0], (String) r[1], AccountHistory.instant(r[2]))).toList());
    }

    private Uni<Void> apply(String tenant, String accountId, Map<String, String> wanted) {
        return blocks(tenant, accountId).flatMap(current -> {
            TreeSet<String> now = new TreeSet<>(wanted.keySet());
            List<Uni<Void>> changes = new ArrayList<>();
            for (Map.Entry<String, String> w : wanted.entrySet()) {
                if (current.stream().noneMatch(b -> b.reason().equals(w.getKey()))) {
                    changes.add(add(tenant, accountId, w.getKey(), w.getValue(), List.copyOf(now)));
                }
            }
            for (Block b : current) {
                if (!wanted.containsKey(b.reason())) {
                    changes.add(lift(tenant, accountId, b.reason(), List.copyOf(now)));
                }
            }
            return Multi.createFrom().iterable(changes).onItem().transformToUniAndConcatenate(u -> u)
                    .collect().asList().replaceWithVoid();
        });
    }

    private Uni<Void> add(String tenant, String accountId, String reason, String detail, List<String> active) {
        Instant at = clock.instant();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into account_block "
                        + "(tenant, account_id, reason, detail, since) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenant).setParameter(2, accountId).setParameter(3, reason).setParameter(4, detail)
                .setParameter(5, at).executeUpdate())
                .flatMap(rows -> rows == 0 ? Uni.createFrom().voidItem()
                        : AccountHistoryEntry.of(tenant, accountId, AccountHistoryEntry.BLOCKED, null, "billing-policy",
                                        reason + ": " + detail, at).persist()
                                .call(() -> outbox.publish(EventType.ACCOUNT_BLOCKED, tenant, accountId, null,
                                        new AccountBlocked(accountId, reason, detail, active)))
                                .replaceWithVoid());
    }

    private Uni<Void> lift(String tenant, String accountId, String reason, List<String> active) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from account_block where tenant = ?1 and account_id = ?2 and reason = ?3")
                .setParameter(1, tenant).setParameter(2, accountId).setParameter(3, reason).executeUpdate())
                .flatMap(rows -> rows == 0 ? Uni.createFrom().voidItem()
                        : AccountHistoryEntry.of(tenant, accountId, AccountHistoryEntry.UNBLOCKED, null, "billing-policy",
                                        reason, clock.instant()).persist()
                                .call(() -> outbox.publish(EventType.ACCOUNT_UNBLOCKED, tenant, accountId, null,
                                        new AccountUnblocked(accountId, reason, active)))
                                .replaceWithVoid());
    }

    /** One number of an account, from a select taking the tenant ($1) and the account id ($2); in a session. */
    static Uni<Long> scalar(String sql, String tenant, String accountId) {
        return SessionSql.value(sql, Long.class, tenant, accountId);
    }

    static Uni<Long> scalar(String sql, String tenant, String accountId, Object third) {
        return SessionSql.value(sql, Long.class, tenant, accountId, third);
    }
}
