package org.guichet.payment.callback;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventJson;
import org.guichet.payment.gateway.CallbackVerdict;
import org.guichet.payment.gateway.GatewayAdapter;
import org.guichet.payment.gateway.GatewayStatus;
import org.guichet.payment.gateway.Gateways;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentStateMachine;
import org.guichet.platform.Ids;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * A callback is first recorded in the inbox (committed, whatever its verification says), then
 * applied. Unverified callbacks change nothing. An unsigned scheme's status is fetched back from
 * the gateway rather than believed.
 */
@ApplicationScoped
public class CallbackProcessor {
    @Inject
    Gateways gateways;
    @Inject
    PaymentStateMachine stateMachine;
    @Inject
    Clock clock;

    public Uni<String> receive(String gatewayName, Map<String, String> headers, String rawBody) {
        GatewayAdapter adapter = gateways.get(gatewayName);
        CallbackVerdict verdict = adapter.verifyCallback(headers, rawBody);
        CallbackInboxEntry entry = new CallbackInboxEntry();
        entry.id = Ids.newId();
        entry.gateway = gatewayName;
        entry.receivedAt = clock.instant();
        entry.headers = EventJson.MAPPER.valueToTree(headers).toString();
        entry.body = rawBody;
        entry.verified = verdict.verified();
        entry.gatewayRef = verdict.gatewayRef();
        entry.result = verdict.verified() ? null : "rejected: " + verdict.reason();
        return Panache.withTransaction(() -> entry.persist()).flatMap(saved -> {
            if (!verdict.verified()) {
                throw Problems.unauthorized("Callback signature is not valid");
            }
            if (verdict.status() != GatewayStatus.UNKNOWN) {
                return apply(entry.id, gatewayName, verdict.gatewayRef(), verdict.status());
            }
            // an unsigned scheme (Mollie, GoPay): what the callback says is never trusted, the status
            // is fetched back from the gateway with the régie's own credentials
            return Panache.withSession(() -> Payment.<Payment>find("gateway = ?1 and gatewayRef = ?2", gatewayName,
                            verdict.gatewayRef()).firstResult())
                    .flatMap(payment -> payment == null ? Uni.createFrom().item(GatewayStatus.UNKNOWN)
                            : adapter.lookup(payment))
                    .flatMap(s -> apply(entry.id, gatewayName, verdict.gatewayRef(), s));
        });
    }

    private Uni<String> apply(UUID inboxId, String gateway, String gatewayRef, GatewayStatus status) {
        return Panache.withTransaction(() -> Payment.byGatewayRefForUpdate(gateway, gatewayRef).flatMap(payment -> {
            Uni<String> outcome = payment == null
                    ? Uni.createFrom().item("unknown payment")
                    : stateMachine.apply(payment, status, "callback", gatewayRef).map(p -> p.state.name());
            return outcome.call(result -> CallbackInboxEntry.<CallbackInboxEntry>findById(inboxId).invoke(e -> {
                e.processedAt = clock.instant();
                e.result = result;
            }));
        }));
    }
}
