package org.guichet.billing.credit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.events.EventType;
import org.guichet.events.payload.CreditDeposited;
import org.guichet.platform.Ids;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;

/** Credit in and out, with a movement per change, in the caller's transaction. */
@ApplicationScoped
public class CreditLedger {
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    public Uni<Long> balance(String tenant, String accountId) {
        return AccountCredit.<AccountCredit>findById(new AccountCredit.Key(tenant, accountId))
                .map(c -> c == null ? 0L : c.balance);
    }

    public Uni<AccountCredit> deposit(String tenant, String accountId, String currency, long amount, String source,
                                      String reference, String operator, String paymentId) {
        return deposit(tenant, accountId, currency, amount, source, reference, operator, null, paymentId);
    }

    /** {@code payer}: whose money it is, where someone else (an agent at the counter) is the operator (R8). */
    public Uni<AccountCredit> deposit(String tenant, String accountId, String currency, long amount, String source,
                                      String reference, String operator, String payer, String paymentId) {
        return locked(tenant, accountId, currency).flatMap(credit -> {
            credit.balance = Math.addExact(credit.balance, amount);
            return movement(tenant, accountId, source, amount, reference, operator)
                    .invoke(m -> m.payer = payer)
                    .call(() -> outbox.publish(EventType.CREDIT_DEPOSITED, tenant, accountId, null,
                            new CreditDeposited(accountId, amount, credit.balance, currency, source, paymentId)))
                    .replaceWith(credit);
        });
    }

    /** Takes {@code amount} off a credit locked with {@link #locked}; more than the balance is refused. */
    public Uni<AccountCredit> use(AccountCredit credit, long amount, String reference, String operator) {
        if (amount > credit.balance) {
            throw Problems.unprocessable("insufficient-credit",
                    "The account has " + credit.balance + " of credit, less than " + amount);
        }
        credit.balance -= amount;
        return movement(credit.tenant, credit.accountId, CreditMovement.USE, amount, reference, operator)
                .replaceWith(credit);
    }

    /**
     * A payment that overpaid (its money went to credit) was refunded: up to {@code max} of what it put
     * on credit and is still there comes off. Answers how much came off; the rest is the bill's refund.
     */
    public Uni<Long> takeBackOverpayment(String tenant, String accountId, String currency, String paymentReference,
                                         long max, String operator) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select coalesce(sum(case when kind = ?4 then amount "
                                + "else -amount end), 0)::bigint from credit_movement where tenant = ?1 and account_id = ?2 "
                                + "and reference = ?3 and kind in (?4, ?5)", Long.class)
                        .setParameter(1, tenant).setParameter(2, accountId).setParameter(3, paymentReference)
                        .setParameter(4, CreditDeposited.OVERPAYMENT).setParameter(5, CreditMovement.REFUNDED)
                        .getSingleResult())
                .flatMap(left -> left <= 0 ? Uni.createFrom().item(0L) : locked(tenant, accountId, currency).flatMap(credit -> {
                    long take = Math.min(max, Math.min(left, credit.balance));
                    if (take <= 0) {
                        return Uni.createFrom().item(0L);
                    }
                    credit.balance -= take;
                    return movement(tenant, accountId, CreditMovement.REFUNDED, take, paymentReference, operator)
                            .replaceWith(take);
                }));
    }

    /** The account's credit row, created at zero if it has none, locked for the rest of the transaction. */
    public Uni<AccountCredit> locked(String tenant, String accountId, String currency) {
        return AccountCredit.<AccountCredit>findById(new AccountCredit.Key(tenant, accountId), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(existing);
                    }
                    AccountCredit fresh = new AccountCredit();
                    fresh.tenant = tenant;
                    fresh.accountId = accountId;
                    fresh.currency = currency;
                    return fresh.<AccountCredit>persist();
                });
    }

    private Uni<CreditMovement> movement(String tenant, String accountId, String kind, long amount, String reference,
                                         String operator) {
        CreditMovement m = new CreditMovement();
        m.id = Ids.newId();
        m.tenant = tenant;
        m.accountId = accountId;
        m.kind = kind;
        m.amount = amount;
        m.reference = reference;
        m.operator = operator;
        m.occurredAt = clock.instant();
        return m.persist();
    }
}
