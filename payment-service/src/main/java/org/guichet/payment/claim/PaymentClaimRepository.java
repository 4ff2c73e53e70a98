package org.guichet.payment.claim;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.db.SessionSql;

import java.util.List;
import java.util.UUID;

/**
 * The payment claims' SQL, in one place: who holds a bill or a request while its payment is live, and who settled
 * it. Claims belong to payments, themselves scoped to their institution: the ids are the payments' and the bills'.
 * Every statement runs in the caller's transaction.
 */
@ApplicationScoped
public class PaymentClaimRepository {
    /** The unique index on live claims lets one payment through: a second claim of the same thing adds no row. */
    static final String CLAIM = """
            insert into payment_claim (ref_kind, ref_id, payment_id, live) values ($1, $2, $3, true)
            on conflict do nothing""";
    static final String END = "update payment_claim set live = false, settled = $1 where payment_id = $2";
    static final String SETTLED_BY_OTHERS = """
            select c.ref_id, cast(c.payment_id as text), p.reference, p.gateway
            from payment_claim c join payment p on p.id = c.payment_id
            where c.ref_kind = 'INVOICE' and c.ref_id = any($1) and c.settled and c.payment_id <> $2""";
    static final String ALSO_SETTLED = """
            select mine.ref_id, cast(other.payment_id as text)
            from payment_claim mine join payment_claim other on other.ref_kind = mine.ref_kind
                and other.ref_id = mine.ref_id and other.payment_id <> mine.payment_id
            where mine.payment_id = $1 and other.settled""";

    /** A bill another payment settled: the bill, the payment, its reference and its gateway. */
    public record SettledClaim(String refId, String paymentId, String reference, String gateway) {
        static SettledClaim of(Object[] row) {
            return new SettledClaim((String) row[0], (String) row[1], (String) row[2], (String) row[3]);
        }
    }

    /** A bill or request this payment paid that another payment settled too. */
    public record AlsoSettled(String refId, UUID otherPayment) {
        static AlsoSettled of(Object[] row) {
            return new AlsoSettled((String) row[0], UUID.fromString((String) row[1]));
        }
    }

    /** True when {@code refId} of {@code kind} was free: no other live payment holds it. */
    public Uni<Boolean> claim(String kind, String refId, UUID paymentId) {
        return SessionSql.execute(CLAIM, kind, refId, paymentId).map(rows -> rows == 1);
    }

    /** The payment ended: its claims are no longer live, and say whether it settled. */
    public Uni<Integer> end(UUID paymentId, boolean settled) {
        return SessionSql.execute(END, settled, paymentId);
    }

    /** The bills among {@code invoiceIds} that a payment other than {@code paymentId} settled. */
    public Uni<List<SettledClaim>> settledByOthers(List<String> invoiceIds, UUID paymentId) {
        return SessionSql.rows(SETTLED_BY_OTHERS, invoiceIds.toArray(String[]::new), paymentId)
                .map(rows -> rows.stream().map(SettledClaim::of).toList());
    }

    /** What {@code paymentId} claimed that another payment settled as well. */
    public Uni<List<AlsoSettled>> alsoSettled(UUID paymentId) {
        return SessionSql.rows(ALSO_SETTLED, paymentId).map(rows -> rows.stream().map(AlsoSettled::of).toList());
    }
}
