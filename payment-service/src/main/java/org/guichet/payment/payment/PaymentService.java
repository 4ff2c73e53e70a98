package org.guichet.payment.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.payment.gateway.GatewayAdapter;
import org.guichet.payment.gateway.GatewaySession;
import org.guichet.payment.gateway.Gateways;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starting a payment at its gateway and reading it back. Gateway calls are made outside any
 * database transaction; what they return is then written in a short one.
 */
@ApplicationScoped
public class PaymentService {
    @Inject
    Gateways gateways;
    @Inject
    PaymentConfig config;
    @Inject
    PaymentStateMachine stateMachine;
    @Inject
    Clock clock;

    static final int MAX_RETURN_LOOKUPS = 100_000;
    /** When each payment was last looked up for a browser's return. */
    private final Map<UUID, Instant> returnLookups = new ConcurrentHashMap<>();

    public Uni<Payment> visibleTo(UUID id, String tenant, String subject, boolean staff) {
        return Panache.withSession(() -> Payment.<Payment>findById(id)).map(p -> {
            if (p == null || !p.tenant.equals(tenant) || (!staff && !p.owner.equals(subject))) {
                throw Problems.notFound("Payment " + id);
            }
            return p;
        });
    }

    /**
     * Sends the payer to the gateway. Starting again while the attempt is live returns the same
     * hosted page: the gateway is asked with our payment id as merchant reference, and answers
     * with the session it already has.
     */
    public Uni<Payment> start(UUID id, String tenant, String subject) {
        return visibleTo(id, tenant, subject, false).flatMap(p -> {
            if (p.state == PaymentState.PENDING && p.checkoutUrl != null) {
                return Uni.createFrom().item(p);
            }
            if (p.state != PaymentState.CREATED) {
                throw Problems.conflict("payment-finished", "Payment " + p.reference + " is " + p.state);
            }
            GatewayAdapter adapter = gateways.get(p.gateway);
            return adapter.create(p, returnUrl(p), notifyUrl(p.gateway))
                    .flatMap(session -> recordSession(id, session));
        });
    }

    public Uni<String> gatewayOf(UUID id) {
        return Panache.withSession(() -> Payment.<Payment>findById(id)).map(p -> {
            if (p == null) {
                throw Problems.notFound("Payment " + id);
            }
            return p.gateway;
        });
    }

    /** The form the citizen's browser posts to a form-POST gateway; only while the payment is under way. */
    public Uni<org.guichet.payment.gateway.FormPost> formPost(UUID id) {
        return Panache.withSession(() -> Payment.<Payment>findById(id)).map(p -> {
            if (p == null || p.state != PaymentState.PENDING) {
                throw Problems.notFound("Payment " + id + " waiting for its payment page");
            }
            return gateways.get(p.gateway).formPost(p, returnUrl(p), notifyUrl(p.gateway))
                    .orElseThrow(() -> Problems.notFound("Payment " + id + " has no form to post"));
        });
    }

    /** The browser came back: if the callback has not arrived yet, ask the gateway (it is the authority). */
    public Uni<Payment> refresh(UUID id) {
        return Panache.withSession(() -> Payment.<Payment>findById(id)).flatMap(p -> {
            if (p == null) {
                throw Problems.notFound("Payment " + id);
            }
            if (p.state.finished() || p.gatewayRef == null || !returnLookupDue(id)) {
                return Uni.createFrom().item(p);
            }
            return gateways.get(p.gateway).lookup(p)
                    .flatMap(status -> Panache.withTransaction(() -> Payment.byIdForUpdate(id)
                            .flatMap(fresh -> stateMachine.apply(fresh, status, "return-lookup", null))));
        });
    }

    /**
     * The return page is anonymous: however often it is loaded, one payment is looked up at its gateway at most
     * once per interval (per replica), so reloading it cannot spend the régie's API quota. Callbacks and the
     * reconciler still bring the news meanwhile.
     */
    boolean returnLookupDue(UUID id) {
        Instant now = clock.instant();
        Instant since = now.minus(config.returnLookupInterval());
        if (returnLookups.size() >= MAX_RETURN_LOOKUPS) {
            returnLookups.values().removeIf(at -> !at.isAfter(since));
        }
        boolean[] due = {false};
        returnLookups.compute(id, (key, last) -> {
            if (last != null && last.isAfter(since)) {
                return last;
            }
            due[0] = true;
            return now;
        });
        return due[0];
    }

    private Uni<Payment> recordSession(UUID id, GatewaySession session) {
        return Panache.withTransaction(() -> Payment.byIdForUpdate(id).flatMap(p -> {
            if (p.gatewayRef == null) {
                p.gatewayRef = session.gatewayRef();
                p.checkoutUrl = session.checkoutUrl();
            }
            return stateMachine.moveTo(p, PaymentState.PENDING, "initiated", session.gatewayRef());
        }));
    }

    String returnUrl(Payment p) {
        return config.publicUrl() + "/payments/" + p.id + "/return";
    }

    String notifyUrl(String gateway) {
        return config.publicUrl() + "/callbacks/" + gateway;
    }
}
