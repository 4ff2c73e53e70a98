package org.guichet.payment.claim;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.payload.PaymentLine;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentEvents;
import org.guichet.payment.refund.AutomaticRefunds;
import org.guichet.platform.db.SessionSql;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Nobody pays the same bill twice at once (issue 4): a payment claims the bills and requests its
 * lines pay; the unique index on live claims lets one attempt through. Claims end with their payment;
 * a payment that settles a bill another payment already settled is flagged and refunded for it.
 */
@ApplicationScoped
public class PaymentClaims {
    @Inject
    AutomaticRefunds automaticRefunds;
    public static final String DOUBLE_PAYMENT = "DOUBLE_PAYMENT";
    private static final Logger LOG = Logger.getLogger(PaymentClaims.class);
    static final String CLAIM = "insert into payment_claim (ref_kind, ref_id, payment_id, live) values (?1, ?2, ?3, true) "
            + "on conflict do nothing";

    /** In the caller's transaction: true when every bill/request of the payment was free to claim. */
    public Uni<Boolean> claim(Payment payment) {
        List<PaymentLine> lines = payment.lineList().stream()
                .filter(l -> PaymentLine.INVOICE.equals(l.kind()) || "PROCEDURE".equals(l.kind())).toList();
        Uni<Boolean> all = Uni.createFrom().item(true);
        for (PaymentLine line : lines) {
            all = all.flatMap(ok -> Panache.getSession().flatMap(s -> s.createNativeQuery(CLAIM)
                    .setParameter(1, line.kind()).setParameter(2, line.refId()).setParameter(3, payment.id)
                    .executeUpdate()).map(rows -> ok && rows == 1));
        }
        return all;
    }

    /**
     * In the caller's transaction: the payment ended; settled, it is checked for bills another payment
     * already settled — flagged for a person. Only a true duplicate is refunded on its own: two online
     * payments of the same amount for the bill (one checkout paid twice). Instalments at the counter, or
     * an online payment after a partial one, are not duplicates: billing credits any excess.
     */
    public Uni<Void> ended(Payment payment, boolean settled) {
        Uni<Integer> end = Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update payment_claim set live = false, settled = ?1 where payment_id = ?2")
                .setParameter(1, settled).setParameter(2, payment.id).executeUpdate());
        if (!settled) {
            return end.replaceWithVoid();
        }
        return end.flatMap(x -> SessionSql.rows("select mine.ref_id, cast(other.payment_id as text) from payment_claim "
                        + "mine join payment_claim other on other.ref_kind = mine.ref_kind and other.ref_id = mine.ref_id "
                        + "and other.payment_id <> mine.payment_id where mine.payment_id = $1 and other.settled", payment.id))
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    payment.flag = DOUBLE_PAYMENT;
                    Uni<Set<String>> duplicates = Uni.createFrom().item(new java.util.HashSet<>());
                    for (Object[] row : rows) {
                        String ref = (String) row[0];
                        UUID other = UUID.fromString((String) row[1]);
                        duplicates = duplicates.call(found -> Payment.<Payment>findById(other).invoke(o -> {
                            if (sameOnlinePayment(payment, o, ref)) {
                                found.add(ref);
                            }
                        }));
                    }
                    return duplicates.flatMap(paidTwice -> {
                        LOG.warnf("payment %s settles bills another payment already paid (%s): flagged %s%s",
                                payment.reference, rows.stream().map(r -> r[0]).toList(), DOUBLE_PAYMENT,
                                paidTwice.isEmpty() ? "" : ", duplicates refunded: " + paidTwice);
                        return paidTwice.isEmpty() ? Uni.createFrom().voidItem() : automaticRefunds.plan(payment, paidTwice);
                    });
                });
    }

    /** Both online, and the same amount for the bill: the same thing paid twice, not an instalment. */
    static boolean sameOnlinePayment(Payment mine, Payment other, String ref) {
        if (other == null || !PaymentEvents.MODE_ONLINE.equals(mine.mode) || !PaymentEvents.MODE_ONLINE.equals(other.mode)) {
            return false;
        }
        Long mineAmount = amountFor(mine, ref);
        return mineAmount != null && mineAmount.equals(amountFor(other, ref));
    }

    private static Long amountFor(Payment p, String ref) {
        return p.lineList().stream().filter(l -> ref.equals(l.refId())).map(PaymentLine::amount).findFirst().orElse(null);
    }
}
