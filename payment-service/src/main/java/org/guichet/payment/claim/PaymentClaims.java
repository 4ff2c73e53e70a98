package org.guichet.payment.claim;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.events.payload.PaymentLine;
import org.guichet.payment.counter.CounterPayments;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentEvents;
import org.guichet.payment.refund.AutomaticRefunds;
import org.guichet.platform.billing.Payability;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nobody pays the same bill twice at once: a payment claims the bills and requests its
 * lines pay; the unique index on live claims lets one attempt through. Claims end with their payment;
 * a payment that settles a bill another payment already settled is flagged and refunded for it.
 */
@ApplicationScoped
public class PaymentClaims {
    public static final String DOUBLE_PAYMENT = "DOUBLE_PAYMENT";
    private static final Logger LOG = Logger.getLogger(PaymentClaims.class);

    private final PaymentClaimRepository claims;
    private final AutomaticRefunds automaticRefunds;

    PaymentClaims(PaymentClaimRepository claims, AutomaticRefunds automaticRefunds) {
        this.claims = claims;
        this.automaticRefunds = automaticRefunds;
    }

    /** In the caller's transaction: true when every bill/request of the payment was free to claim. */
    private Uni<Boolean> claim(Payment payment) {
        // in the counter's order (by id): two payments claiming the same bills never wait on each other crosswise
        List<PaymentLine> lines = payment.lineList().stream()
                .filter(l -> PaymentLine.INVOICE.equals(l.kind()) || "PROCEDURE".equals(l.kind()))
                .sorted(Comparator.comparing(PaymentLine::refId).thenComparing(PaymentLine::kind)).toList();
        Uni<Boolean> all = Uni.createFrom().item(true);
        for (PaymentLine line : lines) {
            all = all.flatMap(ok -> claims.claim(line.kind(), line.refId(), payment.id).map(free -> ok && free));
        }
        return all;
    }

    /**
     * In the caller's transaction, for money taken at the counter from billing's answer: claims the bills the
     * money goes to, then answers why they cannot be paid now — null when they can. A bill is held while
     * another payment of it is live (being paid online), or when another payment settled it that billing had
     * not applied when it answered (the same bill paid at once at several tills). Claims are taken
     * in one order, and the check runs after them: a concurrent claim of the same bill waits for the other
     * transaction, then sees its payment settled.
     */
    public Uni<String> claimAtCounter(Payment payment, List<Payability.OpenBill> bills) {
        if (bills.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        List<Payability.OpenBill> ordered = bills.stream().sorted(Comparator.comparing(Payability.OpenBill::id)).toList();
        Uni<String> held = Uni.createFrom().nullItem();
        for (Payability.OpenBill bill : ordered) {
            held = held.flatMap(reason -> claims.claim(PaymentLine.INVOICE, bill.id(), payment.id)
                    .map(free -> reason != null ? reason : free ? null
                            : "Bill " + bill.number() + " is being paid online right now; take the money once that payment ended"));
        }
        return held.flatMap(reason -> reason != null ? Uni.createFrom().item(reason) : settledElsewhere(payment, ordered)
                .map(other -> other == null ? null : "Bill " + other.bill().number() + " was just paid (payment "
                        + other.reference() + "); ask for the account again before taking more money"));
    }

    /**
     * In the caller's transaction, for a checkout from the cart: claims the bills and requests of the payment,
     * then answers why it cannot go on — null when it can. A bill is held while another payment of it is live,
     * or when another payment settled it that billing had not applied when the cart priced it
     * ({@code appliedPayments}, by invoice id: a bill paid at the counter while billing has not applied
     * that payment yet). A bill the checkout names no applied payments for is not checked (not known).
     */
    public Uni<String> claimCheckout(Payment payment, Map<String, List<String>> appliedPayments) {
        List<Payability.OpenBill> priced = appliedPayments == null ? List.of() : payment.lineList().stream()
                .filter(l -> PaymentLine.INVOICE.equals(l.kind()) && appliedPayments.containsKey(l.refId()))
                .map(l -> new Payability.OpenBill(l.refId(), l.description() == null ? l.refId() : l.description(),
                        l.amount(), appliedPayments.get(l.refId())))
                .toList();
        return claim(payment).flatMap(free -> !free ? Uni.createFrom().item("already being paid")
                : priced.isEmpty() ? Uni.createFrom().nullItem() : settledElsewhere(payment, priced)
                .map(other -> other == null ? null : "Bill " + other.bill().number() + " was just paid"
                        + (CounterPayments.GATEWAY.equals(other.gateway()) ? " at the counter" : "")
                        + " (payment " + other.reference() + "); ask for the account again"));
    }

    /** A bill settled by another payment (its reference, its gateway) that billing had not applied when asked. */
    record SettledElsewhere(Payability.OpenBill bill, String reference, String gateway) {
    }

    /**
     * After the payment claimed {@code bills}: a concurrent claim of one of them waited for the other
     * transaction, so a payment that settled it is seen here. Null when every such payment is among the bill's
     * applied ones.
     */
    private Uni<SettledElsewhere> settledElsewhere(Payment payment, List<Payability.OpenBill> bills) {
        return claims.settledByOthers(bills.stream().map(Payability.OpenBill::id).toList(), payment.id)
                .map(settled -> {
                    for (PaymentClaimRepository.SettledClaim claim : settled) {
                        for (Payability.OpenBill bill : bills) {
                            if (bill.id().equals(claim.refId()) && !bill.appliedPayments().contains(claim.paymentId())) {
                                return new SettledElsewhere(bill, claim.reference(), claim.gateway());
                            }
                        }
                    }
                    return null;
                });
    }

    /**
     * In the caller's transaction: the payment ended; settled, it is checked for bills another payment
     * already settled — flagged for a person. Only a true duplicate is refunded on its own: two online
     * payments of the same amount for the bill (one checkout paid twice). Instalments at the counter, or
     * an online payment after a partial one, are not duplicates: billing credits any excess.
     */
    public Uni<Void> ended(Payment payment, boolean settled) {
        Uni<Integer> end = claims.end(payment.id, settled);
        if (!settled || CounterPayments.GATEWAY.equals(payment.gateway)) {
            // the counter took the money only for bills no other payment had in flight (claimAtCounter)
            return end.replaceWithVoid();
        }
        return end.flatMap(x -> claims.alsoSettled(payment.id))
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    payment.flag = DOUBLE_PAYMENT;
                    Uni<Set<String>> duplicates = Uni.createFrom().item(new java.util.HashSet<>());
                    for (PaymentClaimRepository.AlsoSettled row : rows) {
                        String ref = row.refId();
                        duplicates = duplicates.call(found -> Payment.<Payment>findById(row.otherPayment()).invoke(o -> {
                            if (sameOnlinePayment(payment, o, ref)) {
                                found.add(ref);
                            }
                        }));
                    }
                    return duplicates.flatMap(paidTwice -> {
                        LOG.warnf("payment %s settles bills another payment already paid (%s): flagged %s%s",
                                payment.reference, rows.stream().map(PaymentClaimRepository.AlsoSettled::refId).toList(), DOUBLE_PAYMENT,
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
