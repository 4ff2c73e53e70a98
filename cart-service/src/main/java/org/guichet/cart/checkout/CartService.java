package org.guichet.cart.checkout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.cart.payable.PayableItem;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.cart.payable.PayableView;
import org.guichet.platform.db.SessionSql;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The citizen's cart: payable items they chose, not yet checked out. */
@ApplicationScoped
public class CartService {
    @Inject
    Clock clock;
    @Inject
    org.guichet.cart.CartConfig config;

    @WithTransaction
    public Uni<CartView> add(String tenant, String owner, UUID payableId) {
        return emptyIfExpired(owner).flatMap(x -> PayableItem.ownedBy(payableId, tenant, owner)).flatMap(item -> {
            if (item == null) {
                throw Problems.notFound("Payable item " + payableId);
            }
            if (item.status != PayableStatus.AVAILABLE) {
                throw Problems.conflict("not-payable", "This item is " + item.status + " and cannot be added");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "insert into cart_item (owner, payable_id, added_at) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, owner).setParameter(2, payableId)
                    .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate());
        }).flatMap(ignored -> items(tenant, owner)).map(CartService::view);
    }

    @WithTransaction
    public Uni<CartView> remove(String tenant, String owner, UUID payableId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "delete from cart_item where owner = ?1 and payable_id = ?2")
                        .setParameter(1, owner).setParameter(2, payableId).executeUpdate())
                .flatMap(n -> {
                    if (n == 0) {
                        throw Problems.notFound("Cart item " + payableId);
                    }
                    return items(tenant, owner);
                }).map(CartService::view);
    }

    @WithTransaction
    public Uni<CartView> get(String tenant, String owner) {
        return emptyIfExpired(owner).flatMap(x -> items(tenant, owner)).map(CartService::view);
    }

    /** The caller's cart items still payable, oldest first (withdrawn ones drop out). Must run inside a session. */
    Uni<List<PayableItem>> items(String tenant, String owner) {
        return PayableItem.list("tenant = ?1 and owner = ?2 and status = ?3 and id in "
                + "(select c.payableId from CartItemRef c where c.owner = ?2) order by createdAt", tenant, owner,
                PayableStatus.AVAILABLE);
    }

    /**
     * A cart whose last addition is older than {@code guichet.cart.expire-after} has expired. Touched
     * again (viewed, added to), it is emptied first — its items stay payable; a checkout of it is refused.
     */
    Uni<Integer> emptyIfExpired(String owner) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from cart_item where owner = ?1 and "
                        + "(select max(added_at) from cart_item where owner = ?1) < ?2")
                .setParameter(1, owner).setParameter(2, expiryLimit()).executeUpdate());
    }

    /** In the checkout's transaction: an expired cart is refused, and nothing changes. */
    Uni<Void> refuseIfExpired(String owner) {
        return SessionSql.column("select count(*) from cart_item where owner = $1 having max(added_at) < $2", Long.class,
                        owner, expiryLimit())
                .invoke(stale -> {
                    if (!stale.isEmpty()) {
                        throw Problems.unprocessable("cart-expired", "The cart expired (nothing added for "
                                + config.expireAfter() + "): its items are still payable, add them again");
                    }
                }).replaceWithVoid();
    }

    private OffsetDateTime expiryLimit() {
        return OffsetDateTime.ofInstant(clock.instant().minus(config.expireAfter()), ZoneOffset.UTC);
    }

    /** Expired carts are emptied in the background too (a citizen who never comes back). */
    @io.quarkus.scheduler.Scheduled(every = "10m", delayed = "1m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from cart_item c where (select max(added_at) from cart_item o where o.owner = c.owner) < ?1")
                .setParameter(1, expiryLimit()).executeUpdate())).replaceWithVoid();
    }

    Uni<Integer> clear(String owner) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from cart_item where owner = ?1")
                .setParameter(1, owner).executeUpdate());
    }

    static CartView view(List<PayableItem> items) {
        Map<String, CartView.RegieTotal> totals = new LinkedHashMap<>();
        for (PayableItem i : items) {
            String key = i.regie + "/" + i.currency;
            CartView.RegieTotal t = totals.getOrDefault(key, new CartView.RegieTotal(i.regie, i.currency, 0));
            totals.put(key, new CartView.RegieTotal(i.regie, i.currency, Math.addExact(t.amount(), i.amount)));
        }
        return new CartView(items.stream().map(PayableView::of).toList(), new ArrayList<>(totals.values()));
    }
}
