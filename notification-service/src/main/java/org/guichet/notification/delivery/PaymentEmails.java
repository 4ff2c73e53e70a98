package org.guichet.notification.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.documents.Receipt;
import org.guichet.documents.ReceiptPdf;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.ReceiptRequested;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.events.payload.RefundBankDetailsGiven;
import org.guichet.events.payload.RefundIssued;
import org.guichet.notification.NotificationConfig;
import org.guichet.notification.contact.PaymentContact;
import org.guichet.notification.template.EmailTemplates;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.money.Money;
import org.guichet.platform.security.EventSeal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emails payment events call for, rendered and queued in the consumer's transaction
 * ({@link DeliverySender} sends them): for a settled payment, the citizen's receipt with its PDF
 * (R12) and the régie agents' "paid — ready to process" notice (R21); a receipt asked for again, to
 * any address; a refund that needs the payer's bank account, with the form link; a payment that
 * failed or expired; the account given on a refund form, masked; a refund made (to the payer remembered from
 * the settlement).
 */
@ApplicationScoped
public class PaymentEmails {
    static final String RECEIPT = "receipt";
    public static final String AGENT_NOTICE = "agent-notice";
    static final String REFUND_BANK_DETAILS = "refund-bank-details";
    static final String REFUND_BANK_DETAILS_GIVEN = "refund-bank-details-given";
    static final String PAYMENT_FAILED = "payment-failed";
    static final String REFUND_ISSUED = "refund-issued";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    EmailTemplates templates;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;
    @Inject
    EventSeal seal;
    @ConfigProperty(name = "guichet.receipt.font")
    Optional<String> font;

    /** Records come in batches: one transaction per poll (IdempotentConsumer#applyBatch). */
    @Incoming("payments")
    public Uni<Void> onPaymentEvents(List<String> records) {
        return consumer.applyBatch("notification.payment-settled", records, this::dispatch);
    }

    private Uni<Void> dispatch(EventEnvelope envelope) {
        if (envelope.is(EventType.PAYMENT_SETTLED)) {
            return settled(envelope, envelope.payloadAs(PaymentSettled.class));
        }
        if (envelope.is(EventType.RECEIPT_REQUESTED)) {
            ReceiptRequested asked = envelope.payloadAs(ReceiptRequested.class);
            return receipt(envelope, asked.payment(), asked.email(), asked.language()).persist().replaceWithVoid();
        }
        if (envelope.is(EventType.REFUND_AWAITING_BANK_DETAILS)) {
            return refundForm(envelope, envelope.payloadAs(RefundAwaitingBankDetails.class));
        }
        if (envelope.is(EventType.REFUND_BANK_DETAILS_GIVEN)) {
            return accountGiven(envelope, envelope.payloadAs(RefundBankDetailsGiven.class));
        }
        if (envelope.isPaymentWithoutMoney()) {
            return failed(envelope, envelope.payloadAs(PaymentFailed.class));
        }
        if (envelope.is(EventType.REFUND_ISSUED)) {
            return refunded(envelope, envelope.payloadAs(RefundIssued.class));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> settled(EventEnvelope envelope, PaymentSettled p) {
        Uni<Void> chain = remember(envelope, p);
        if (p.payer().email() != null && !p.payer().email().isBlank()) {
            chain = chain.call(() -> receipt(envelope, p, p.payer().email(), p.payer().language()).persist());
        }
        NotificationConfig.Regie regie = config.regies().get(p.regie());
        // requests for procedures reach their agents through RequestReady, with the régie's current addresses
        boolean onlyRequests = !p.lines().isEmpty() && p.lines().stream().allMatch(l -> "PROCEDURE".equals(l.kind()));
        List<String> agents = regie == null || onlyRequests ? List.of() : regie.agents();
        for (String agent : agents) {
            chain = chain.call(() -> delivery(envelope, AGENT_NOTICE, regie.language(), agent, p.payer().subject(),
                    data(p)).persist());
        }
        return chain;
    }

    private EmailDelivery receipt(EventEnvelope envelope, PaymentSettled p, String email, String language) {
        EmailDelivery d = delivery(envelope, RECEIPT, language, email, p.payer().subject(), data(p));
        if (p.receiptNumber() != null) {
            d.attachment = ReceiptPdf.render(Receipt.of(p), zone(p.regie()), font);
            d.attachmentName = p.receiptNumber() + ".pdf";
        }
        return d;
    }

    /** The payer, for the refund notice that may follow (RefundIssued names no address). */
    private Uni<Void> remember(EventEnvelope envelope, PaymentSettled p) {
        if (p.payer().email() == null || p.payer().email().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return PaymentContact.<PaymentContact>findById(p.paymentId()).flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            PaymentContact c = new PaymentContact();
            c.paymentId = p.paymentId();
            c.tenant = envelope.tenant();
            c.name = p.payer().name();
            c.email = p.payer().email();
            c.language = p.payer().language();
            c.person = p.payer().subject();
            c.createdAt = clock.instant();
            return c.persist().replaceWithVoid();
        });
    }

    /** The payment ended without money: the citizen is told, and that they may try again. */
    private Uni<Void> failed(EventEnvelope envelope, PaymentFailed p) {
        if (p.payer() == null || p.payer().email() == null || p.payer().email().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> data = new HashMap<>();
        data.put("reference", p.reference());
        data.put("name", p.payer().name() == null ? p.payer().subject() : p.payer().name());
        data.put("amount", Money.of(p.amount(), p.currency()).toString());
        data.put("regieName", regieName(p.regie()));
        data.put("expired", "EXPIRED".equals(p.outcome()));
        return delivery(envelope, PAYMENT_FAILED, p.payer().language(), p.payer().email(), p.payer().subject(), data)
                .persist()
                .replaceWithVoid();
    }

    /** Money went back: the payer (remembered from the settlement) is told how much and how. */
    private Uni<Void> refunded(EventEnvelope envelope, RefundIssued r) {
        return PaymentContact.<PaymentContact>findById(r.paymentId()).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().voidItem(); // a counter payment without address: the agent handed it back
            }
            Map<String, Object> data = new HashMap<>();
            data.put("reference", r.reference());
            data.put("name", c.name == null ? "" : c.name);
            data.put("amount", Money.of(r.amount(), r.currency()).toString());
            data.put("regieName", regieName(r.regie()));
            data.put("reason", r.reason());
            data.put("transfer", "BANK_TRANSFER".equals(r.mode()));
            return delivery(envelope, REFUND_ISSUED, c.language, c.email, c.person, data).persist().replaceWithVoid();
        });
    }

    private Uni<Void> refundForm(EventEnvelope envelope, RefundAwaitingBankDetails r) {
        if (r.payer() == null || r.payer().email() == null || r.payer().email().isBlank()) {
            return Uni.createFrom().voidItem(); // no address: finance sees it waiting in the manual refunds list
        }
        Map<String, Object> data = new HashMap<>();
        data.put("reference", r.reference());
        data.put("name", r.payer().name() == null ? r.payer().subject() : r.payer().name());
        data.put("amount", Money.of(r.amount(), r.currency()).toString());
        data.put("regieName", regieName(r.regie()));
        data.put("reason", r.reason());
        data.put("formUrl", formUrl(envelope, r));
        return delivery(envelope, REFUND_BANK_DETAILS, r.payer().language(), r.payer().email(), r.payer().subject(),
                data).persist()
                .replaceWithVoid();
    }

    /** v2 seals the link (M7); a v1 event, from before, still on the topic, carried it in clear. */
    private String formUrl(EventEnvelope envelope, RefundAwaitingBankDetails r) {
        return envelope.version() == 1 ? envelope.payload().path("formUrl").asText()
                : seal.open(r.sealedFormUrl(), r.manualRefundId());
    }

    /** M2: the account given on the form, masked, to the payer: one given by someone else is noticed before the transfer. */
    private Uni<Void> accountGiven(EventEnvelope envelope, RefundBankDetailsGiven r) {
        if (r.payer() == null || r.payer().email() == null || r.payer().email().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> data = new HashMap<>();
        data.put("reference", r.reference());
        data.put("name", r.payer().name() == null ? r.payer().subject() : r.payer().name());
        data.put("amount", Money.of(r.amount(), r.currency()).toString());
        data.put("regieName", regieName(r.regie()));
        data.put("holderName", r.holderName());
        data.put("maskedIban", r.maskedIban());
        return delivery(envelope, REFUND_BANK_DETAILS_GIVEN, r.payer().language(), r.payer().email(),
                r.payer().subject(), data).persist().replaceWithVoid();
    }

    private Map<String, Object> data(PaymentSettled p) {
        NotificationConfig.Regie regie = config.regies().get(p.regie());
        Map<String, Object> data = new HashMap<>();
        data.put("reference", p.reference());
        data.put("receiptNumber", p.receiptNumber());
        data.put("name", p.payer().name() == null ? p.payer().subject() : p.payer().name());
        data.put("amount", Money.of(p.amount(), p.currency()).toString());
        data.put("regieName", regieName(p.regie()));
        data.put("descriptor", p.statementDescriptor() != null ? p.statementDescriptor()
                : regie == null ? null : regie.statementDescriptor().orElse(null));
        data.put("lines", p.lines().stream().map(l -> Map.of(
                "description", l.description() == null ? l.refId() : l.description(),
                "amount", Money.of(l.amount(), p.currency()).toString())).toList());
        return data;
    }

    private String regieName(String code) {
        NotificationConfig.Regie regie = config.regies().get(code);
        return regie == null ? code : regie.name();
    }

    private ZoneId zone(String regie) {
        NotificationConfig.Regie r = config.regies().get(regie);
        return r == null ? ZoneId.of("UTC") : r.timeZone();
    }

    /** One email rendered for its recipient, about {@code person} (an account id, or null), queued (the caller persists it in its transaction). */
    public EmailDelivery delivery(EventEnvelope envelope, String template, String language, String recipient,
                                  String person, Map<String, Object> data) {
        EmailTemplates.Rendered rendered = templates.render(template, language, data);
        EmailDelivery d = new EmailDelivery();
        d.id = Ids.newId();
        d.sourceEventId = envelope.eventId();
        d.tenant = envelope.tenant();
        d.template = template;
        d.language = rendered.language();
        d.recipient = recipient;
        d.person = person;
        d.subject = rendered.subject();
        d.bodyText = rendered.body();
        NotificationConfig.Institution institution = config.institutions().get(envelope.tenant());
        d.bodyHtml = templates.html(institution == null ? envelope.tenant() : institution.name(),
                institution == null ? null : institution.logoUrl().orElse(null), rendered.language(), rendered.subject(),
                rendered.body());
        d.status = DeliveryStatus.PENDING;
        d.createdAt = clock.instant();
        d.nextAttemptAt = d.createdAt;
        return d;
    }
}
