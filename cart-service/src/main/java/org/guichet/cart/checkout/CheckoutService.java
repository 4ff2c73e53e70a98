package org.guichet.cart.checkout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.cart.CartConfig;
import org.guichet.cart.payable.PayableItem;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.Ids;
import org.guichet.platform.billing.BillingClient;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the cart into one payment per régie, or per item for a régie in SEPARATE mode (R20), locks its items while payment is pending and
 * asks payment-service for the payments through CartCheckedOut, all in one transaction.
 */
@ApplicationScoped
public class CheckoutService {
    @Inject
    CartService cart;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    CartConfig config;
    @Inject
    BillingClient billing;

    /** Runs inside the Idempotency-Key transaction. */
    public Uni<CheckoutView> checkout(String tenant, Payer payer, String bearer, CheckoutRequest request) {
        return cart.refuseIfExpired(payer.subject()).flatMap(x -> cart.items(tenant, payer.subject()))
                .call(items -> billingRules(items, bearer)).flatMap(items -> {
            if (items.isEmpty()) {
                throw Problems.unprocessable("cart-empty", "The cart is empty");
            }
            List<UUID> ids = items.stream().map(i -> i.id).toList();
            return lock(ids).flatMap(locked -> {
                if (locked != ids.size()) {
                    throw Problems.conflict("items-locked", "Some items are already being paid or were paid");
                }
                return regiesOf(tenant, items).flatMap(regies -> createCheckout(tenant, payer, request, items, regies));
            });
        });
    }

    /** The cart's régies as their admin set them (cart mode SEPARATE pays one item per payment, R20). */
    private static Uni<Map<String, org.guichet.cart.regie.Regie>> regiesOf(String tenant, List<PayableItem> items) {
        List<String> codes = items.stream().map(i -> i.regie).distinct().toList();
        return org.guichet.cart.regie.Regie.<org.guichet.cart.regie.Regie>list("tenant = ?1 and code in ?2", tenant, codes)
                .map(regies -> regies.stream().collect(java.util.stream.Collectors.toMap(r -> r.code, r -> r)));
    }

    private Uni<CheckoutView> createCheckout(String tenant, Payer payer, CheckoutRequest request, List<PayableItem> items,
                                             Map<String, org.guichet.cart.regie.Regie> regies) {
        Checkout checkout = new Checkout();
        checkout.id = Ids.newId();
        checkout.tenant = tenant;
        checkout.owner = payer.subject();
        checkout.status = CheckoutStatus.PENDING;
        checkout.createdAt = clock.instant();

        Map<String, List<PayableItem>> groups = new LinkedHashMap<>();
        for (PayableItem item : items) {
            // never one payment across régies; one per item where the régie wants it so
            org.guichet.cart.regie.Regie regie = regies.get(item.regie);
            boolean separate = regie != null && regie.cartMode == org.guichet.cart.regie.CartMode.SEPARATE;
            String group = item.regie + "/" + item.currency + (separate ? "/" + item.id : "");
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(item);
        }
        List<CheckoutPayment> payments = new ArrayList<>();
        List<CartCheckedOut.PaymentRequest> requests = new ArrayList<>();
        int position = 0;
        for (List<PayableItem> group : groups.values()) {
            CheckoutPayment p = new CheckoutPayment();
            p.paymentId = Ids.newId();
            p.checkoutId = checkout.id;
            p.regie = group.get(0).regie;
            p.currency = group.get(0).currency;
            p.amount = group.stream().mapToLong(i -> i.amount).reduce(0, Math::addExact);
            p.status = PaymentStatus.PENDING;
            p.position = position++;
            payments.add(p);
            org.guichet.cart.regie.Regie regie = regies.get(p.regie);
            requests.add(new CartCheckedOut.PaymentRequest(p.paymentId.toString(), p.regie, p.amount, p.currency,
                    group.stream().map(i -> new PaymentLine(i.kind, i.refId, i.tenant, i.description, i.amount)).toList(),
                    regie == null ? null : regie.accountingCode, appliedPayments(group)));
        }
        CartCheckedOut event = new CartCheckedOut(checkout.id.toString(), payer,
                request == null ? null : request.returnUrl(), requests);

        Uni<Void> chain = checkout.persist().replaceWithVoid();
        for (CheckoutPayment p : payments) {
            chain = chain.call(() -> p.persist());
        }
        chain = chain.call(Panache::flush); // the links below reference the payment rows
        for (int i = 0; i < payments.size(); i++) {
            CheckoutPayment p = payments.get(i);
            for (PayableItem item : groups.values().stream().toList().get(i)) {
                chain = chain.call(() -> link(p.paymentId, item.id));
            }
        }
        return chain
                .call(() -> cart.clear(payer.subject()))
                .call(() -> outbox.publish(EventType.CART_CHECKED_OUT, tenant, checkout.id.toString(), null, event))
                .map(ignored -> view(checkout, payments));
    }

    /**
     * The payments billing had applied to each bill when the cart priced it: payment-service fails the
     * payment of a bill another payment settled that is not among them. Null where none is known.
     */
    private static Map<String, List<String>> appliedPayments(List<PayableItem> group) {
        Map<String, List<String>> applied = new LinkedHashMap<>();
        for (PayableItem item : group) {
            if (PaymentLine.INVOICE.equals(item.kind) && item.appliedPayments != null) {
                applied.put(item.refId, List.of(item.appliedPayments));
            }
        }
        return applied.isEmpty() ? null : applied;
    }

    /**
     * Bills are paid online only where billing allows it: a valid registration where the institution
     * asks for one (R15), not from a proxy's account (R9), and all of the balance of an account sent
     * to collections (R16). Billing is asked with the citizen's own token.
     */
    private Uni<Void> billingRules(List<PayableItem> items, String bearer) {
        long bills = items.stream().filter(i -> PaymentLine.INVOICE.equals(i.kind)).mapToLong(i -> i.amount).reduce(0L, Math::addExact);
        if (bills == 0) {
            return Uni.createFrom().voidItem();
        }
        return billing.mine(bearer).map(account -> {
            if (!account.onlinePaymentAllowed()) {
                throw Problems.unprocessable("online-payment-not-allowed", account.refusal() != null
                        ? "This account's bills are paid from its principal account " + account.principalAccountId()
                        : "Your registration expired on " + account.registrationValidUntil()
                        + ": renew it, or pay at the counter");
            }
            if (account.fullBalanceOnly() && bills != account.balance()) {
                throw Problems.unprocessable("full-balance-only", "Your account was sent to collections: only the "
                        + "full balance of " + account.balance() + " can be paid; put all your bills in the cart");
            }
            return null;
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<CheckoutView> get(UUID id, String tenant, String owner) {
        return Checkout.<Checkout>find("id = ?1 and tenant = ?2 and owner = ?3", id, tenant, owner).firstResult()
                .flatMap(c -> {
                    if (c == null) {
                        throw Problems.notFound("Checkout " + id);
                    }
                    return CheckoutPayment.ofCheckout(c.id).map(payments -> view(c, payments));
                });
    }

    /** Locks the items for payment in one conditional update: a concurrent checkout of the same item loses. */
    private static Uni<Integer> lock(List<UUID> ids) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update payable_item set status = ?1 where id = any(?2) and status = ?3")
                .setParameter(1, PayableStatus.PENDING_PAYMENT.name())
                .setParameter(2, ids.toArray(new UUID[0]))
                .setParameter(3, PayableStatus.AVAILABLE.name())
                .executeUpdate());
    }

    private static Uni<Integer> link(UUID paymentId, UUID payableId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "insert into checkout_payment_item (payment_id, payable_id) values (?1, ?2)")
                .setParameter(1, paymentId).setParameter(2, payableId).executeUpdate());
    }

    private CheckoutView view(Checkout checkout, List<CheckoutPayment> payments) {
        List<CheckoutView.Payment> views = payments.stream()
                .sorted(java.util.Comparator.comparingInt(p -> p.position))
                .map(p -> new CheckoutView.Payment(p.paymentId.toString(), p.regie, p.amount, p.currency,
                        p.status.name(), config.paymentServiceUrl() + "/payments/" + p.paymentId))
                .toList();
        CheckoutView.Payment next = views.stream().filter(p -> p.status().equals(PaymentStatus.PENDING.name()))
                .findFirst().orElse(null);
        return new CheckoutView(checkout.id.toString(), checkout.status.name(), views, next);
    }
}
