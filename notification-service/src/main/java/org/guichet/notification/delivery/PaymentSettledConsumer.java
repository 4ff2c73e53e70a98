package org.guichet.notification.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.notification.NotificationConfig;
import org.guichet.notification.template.EmailTemplates;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.money.Money;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A settled payment means two kinds of email: the citizen's receipt, and the "paid — ready to
 * process" notice to the régie's agents (R21). They are rendered and queued in the consumer's
 * transaction; {@link DeliverySender} sends them.
 */
@ApplicationScoped
public class PaymentSettledConsumer {
    static final String RECEIPT = "receipt";
    static final String AGENT_NOTICE = "agent-notice";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    EmailTemplates templates;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    @Incoming("payments")
    public Uni<Void> onPaymentEvent(String record) {
        return consumer.apply("notification.payment-settled", record, EventType.PAYMENT_SETTLED, this::queue);
    }

    private Uni<Void> queue(EventEnvelope envelope) {
        PaymentSettled p = envelope.payloadAs(PaymentSettled.class);
        NotificationConfig.Regie regie = config.regies().get(p.regie());
        Map<String, Object> data = new HashMap<>();
        data.put("reference", p.reference());
        data.put("name", p.payer().name() == null ? p.payer().subject() : p.payer().name());
        data.put("amount", Money.of(p.amount(), p.currency()).toString());
        data.put("regieName", regie == null ? p.regie() : regie.name());
        data.put("descriptor", regie == null ? null : regie.statementDescriptor().orElse(null));
        data.put("lines", p.lines().stream().map(l -> Map.of(
                "description", l.description() == null ? l.refId() : l.description(),
                "amount", Money.of(l.amount(), p.currency()).toString())).toList());

        Uni<Void> chain = Uni.createFrom().voidItem();
        if (p.payer().email() != null && !p.payer().email().isBlank()) {
            chain = chain.call(() -> delivery(envelope, RECEIPT, p.payer().language(), p.payer().email(), data).persist());
        }
        List<String> agents = regie == null ? List.of() : regie.agents();
        for (String agent : agents) {
            chain = chain.call(() -> delivery(envelope, AGENT_NOTICE, regie.language(), agent, data).persist());
        }
        return chain;
    }

    private EmailDelivery delivery(EventEnvelope envelope, String template, String language, String recipient,
                                   Map<String, Object> data) {
        EmailTemplates.Rendered rendered = templates.render(template, language, data);
        EmailDelivery d = new EmailDelivery();
        d.id = Ids.newId();
        d.sourceEventId = envelope.eventId();
        d.tenant = envelope.tenant();
        d.template = template;
        d.language = rendered.language();
        d.recipient = recipient;
        d.subject = rendered.subject();
        d.bodyText = rendered.body();
        d.status = DeliveryStatus.PENDING;
        d.createdAt = clock.instant();
        d.nextAttemptAt = d.createdAt;
        return d;
    }
}
