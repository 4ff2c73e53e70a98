package org.guichet.notification.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.RequestReady;
import org.guichet.events.payload.RequestRefused;
import org.guichet.notification.NotificationConfig;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.money.Money;

import java.util.HashMap;
import java.util.Map;

/**
 * Procedure requests (R21, R22): the régie's agents are told a request is paid (or free) and theirs
 * to process — the addresses come with the event, as the régie's admin set them; a citizen whose
 * request was refused is told why (the refund follows from payment-service).
 */
@ApplicationScoped
public class RequestEmails {
    public static final String REQUEST_READY = "request-ready";
    static final String REQUEST_REFUSED = "request-refused";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    NotificationConfig config;
    @Inject
    PaymentEmails emails;

    @Incoming("requests")
    public Uni<Void> onRequestEvent(String record) {
        return consumer.apply("notification.requests", record, this::dispatch);
    }

    private Uni<Void> dispatch(EventEnvelope envelope) {
        if (envelope.is(EventType.REQUEST_READY)) {
            RequestReady r = envelope.payloadAs(RequestReady.class);
            Map<String, Object> data = data(r.requestId(), r.title(), r.regie(), r.amount(), r.currency(),
                    r.payer().name() == null ? r.payer().subject() : r.payer().name());
            data.put("criteria", r.criteria() == null ? Map.of() : r.criteria());
            data.put("received", r.amount() > 0 ? Money.of(r.amount(), r.currency()).toString() : null);
            String language = agentsLanguage(r.regie());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String agent : r.agents()) {
                chain = chain.call(() -> emails.delivery(envelope, REQUEST_READY, language, agent, r.payer().subject(),
                        data).persist());
            }
            return chain;
        }
        if (envelope.is(EventType.REQUEST_REFUSED)) {
            RequestRefused r = envelope.payloadAs(RequestRefused.class);
            if (r.payer() == null || r.payer().email() == null || r.payer().email().isBlank()) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> data = data(r.requestId(), r.title(), r.regie(), r.amount(), r.currency(),
                    r.payer().name() == null ? r.payer().subject() : r.payer().name());
            data.put("reason", r.reason());
            data.put("paid", r.paymentId() != null && r.amount() > 0);
            return emails.delivery(envelope, REQUEST_REFUSED, r.payer().language(), r.payer().email(),
                    r.payer().subject(), data).persist()
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Map<String, Object> data(String requestId, String title, String regie, long amount, String currency,
                                     String name) {
        Map<String, Object> data = new HashMap<>();
        data.put("request", requestId.substring(0, 8));
        data.put("title", title);
        data.put("regieName", config.regies().containsKey(regie) ? config.regies().get(regie).name() : regie);
        data.put("amount", Money.of(amount, currency).toString());
        data.put("name", name);
        return data;
    }

    private String agentsLanguage(String regie) {
        NotificationConfig.Regie r = config.regies().get(regie);
        return r == null ? "fr" : r.language();
    }
}
