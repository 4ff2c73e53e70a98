package org.guichet.testing;

import org.guichet.events.EventType;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.RefundIssued;
import org.guichet.events.payload.RefundRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the events tests send most, so that a test says only what matters to it:
 * {@code Events.aPaymentSettled().of(6500, "CZK").paying(invoiceId).by(payer).publish("lib-kladno")}.
 * What a test leaves out gets a harmless default (a fresh id, a reference, now, an online sandbox payment
 * of Kladno's library). {@code publish(tenant)} sends the event keyed by its subject, as its producer does.
 */
public final class Events {
    private Events() {
    }

    public static PaymentSettledBuilder aPaymentSettled() {
        return new PaymentSettledBuilder();
    }

    public static PaymentFailedBuilder aPaymentFailed() {
        return new PaymentFailedBuilder();
    }

    public static RefundIssuedBuilder aRefundIssued() {
        return new RefundIssuedBuilder();
    }

    public static RefundRequestedBuilder aRefundRequested() {
        return new RefundRequestedBuilder();
    }

    /** A payer who gave no name and no e-mail address, only a language. */
    public static Payer payer(String subject, String language) {
        return new Payer(subject, null, null, language);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Lines of a payment; a line given without an amount pays the whole amount, one without a tenant the event's. */
    private static final class Lines {
        private record Pending(String kind, String refId, String tenant, String description, Long amount) {
        }

        private final List<Pending> pending = new ArrayList<>();

        void add(String kind, String refId, String description, Long amount) {
            pending.add(new Pending(kind, refId, null, description, amount));
        }

        void add(List<PaymentLine> lines) {
            lines.forEach(l -> pending.add(new Pending(l.kind(), l.refId(), l.tenant(), l.description(), l.amount())));
        }

        List<PaymentLine> build(String tenant, long whole) {
            return pending.stream().map(p -> new PaymentLine(p.kind(), p.refId(), p.tenant() != null ? p.tenant() : tenant,
                    p.description(), p.amount() != null ? p.amount() : whole)).toList();
        }
    }

    /** What the events of a payment share: its id and reference, the régie, the amount, by default Kladno's library. */
    @SuppressWarnings("unchecked")
    public abstract static class PaymentEventBuilder<B extends PaymentEventBuilder<B>> {
        String paymentId = newId();
        String reference;
        String regie = "kladno-library";
        long amount = 1000;
        String currency = "CZK";

        public B id(String paymentId) {
            this.paymentId = paymentId;
            return (B) this;
        }

        public B reference(String reference) {
            this.reference = reference;
            return (B) this;
        }

        public B regie(String regie) {
            this.regie = regie;
            return (B) this;
        }

        public B of(long amount, String currency) {
            this.amount = amount;
            this.currency = currency;
            return (B) this;
        }

        String referenceOrDefault() {
            return reference != null ? reference : "REF-" + paymentId.substring(0, 8);
        }
    }

    /** {@link PaymentSettled}: by default an online sandbox payment of 1000 CZK to Kladno's library, paying nothing in particular. */
    public static final class PaymentSettledBuilder extends PaymentEventBuilder<PaymentSettledBuilder> {
        private String checkoutId;
        private String gateway = "sandbox";
        private String gatewayReference = "sbx_1";
        private String mode = "ONLINE";
        private Payer payer = payer("patron-1", "cs");
        private final Lines lines = new Lines();
        private Instant settledAt = Instant.now();
        private String receiptNumber;
        private String statementDescriptor;
        private String operator;
        private String operatorName;
        private String tenant = "lib-kladno";

        public PaymentSettledBuilder checkout(String checkoutId) {
            this.checkoutId = checkoutId;
            return this;
        }

        /** Paid online through this gateway, under the gateway's own reference. */
        public PaymentSettledBuilder through(String gateway, String gatewayReference) {
            this.gateway = gateway;
            this.gatewayReference = gatewayReference;
            return this;
        }

        public PaymentSettledBuilder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /** Paid in cash at the counter (no gateway reference), the operator unknown. */
        public PaymentSettledBuilder atCounter() {
            return atCounter(null, null);
        }

        /** Paid in cash at the counter, taken by this agent. */
        public PaymentSettledBuilder atCounter(String operator, String operatorName) {
            this.gateway = "counter";
            this.gatewayReference = null;
            this.mode = "CASH";
            this.operator = operator;
            this.operatorName = operatorName;
            return this;
        }

        /** The agent who took the payment, whatever the mode. */
        public PaymentSettledBuilder operator(String operator) {
            this.operator = operator;
            return this;
        }

        public PaymentSettledBuilder by(Payer payer) {
            this.payer = payer;
            return this;
        }

        /** An INVOICE line for the whole amount. */
        public PaymentSettledBuilder paying(String invoiceId) {
            return paying(invoiceId, "fee");
        }

        /** An INVOICE line for the whole amount, as the citizen saw it described. */
        public PaymentSettledBuilder paying(String invoiceId, String description) {
            lines.add(PaymentLine.INVOICE, invoiceId, description, null);
            return this;
        }

        /** A DEPOSIT line for the whole amount: money put on the account's credit. */
        public PaymentSettledBuilder depositing(String accountId) {
            lines.add(PaymentLine.DEPOSIT, accountId, "deposit", null);
            return this;
        }

        /** These lines, as they are. */
        public PaymentSettledBuilder lines(List<PaymentLine> lines) {
            this.lines.add(lines);
            return this;
        }

        public PaymentSettledBuilder lines(PaymentLine... lines) {
            return lines(List.of(lines));
        }

        public PaymentSettledBuilder settledAt(Instant settledAt) {
            this.settledAt = settledAt;
            return this;
        }

        public PaymentSettledBuilder receipt(String receiptNumber, String statementDescriptor) {
            this.receiptNumber = receiptNumber;
            this.statementDescriptor = statementDescriptor;
            return this;
        }

        /** The tenant of the event and of the lines that do not name theirs (lib-kladno unless told). */
        public PaymentSettledBuilder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        public PaymentSettled build() {
            return new PaymentSettled(paymentId, referenceOrDefault(),
                    checkoutId, regie, amount, currency, gateway, gatewayReference, mode, payer,
                    lines.build(tenant, amount), settledAt, receiptNumber, statementDescriptor, operator, operatorName);
        }

        /** The event as payment-service would publish it, not sent. */
        public String json(String tenant) {
            this.tenant = tenant;
            return TestEvents.json(EventType.PAYMENT_SETTLED, tenant, paymentId, build());
        }

        /** Sends it keyed by the payment id; returns the JSON sent. */
        public String publish(String tenant) {
            this.tenant = tenant;
            return TestEvents.publish(EventType.PAYMENT_SETTLED, tenant, paymentId, build());
        }
    }

    /** {@link PaymentFailed}: by default a refused sandbox payment of 1000 CZK to Kladno's library. */
    public static final class PaymentFailedBuilder extends PaymentEventBuilder<PaymentFailedBuilder> {
        private String checkoutId;
        private String gateway = "sandbox";
        private String outcome = "FAILED";
        private String reason = "refused";
        private Payer payer = payer("patron-1", "cs");
        private List<PaymentLine> lines = List.of();

        public PaymentFailedBuilder checkout(String checkoutId) {
            this.checkoutId = checkoutId;
            return this;
        }

        public PaymentFailedBuilder gateway(String gateway) {
            this.gateway = gateway;
            return this;
        }

        /** Refused, for this reason. */
        public PaymentFailedBuilder because(String reason) {
            this.reason = reason;
            return this;
        }

        /** The citizen gave up at the gateway. */
        public PaymentFailedBuilder cancelled(String reason) {
            this.outcome = "CANCELLED";
            this.reason = reason;
            return this;
        }

        /** Ended without an answer: published as PaymentExpired. */
        public PaymentFailedBuilder expired(String reason) {
            this.outcome = "EXPIRED";
            this.reason = reason;
            return this;
        }

        public PaymentFailedBuilder by(Payer payer) {
            this.payer = payer;
            return this;
        }

        public PaymentFailedBuilder lines(List<PaymentLine> lines) {
            this.lines = lines;
            return this;
        }

        public PaymentFailed build() {
            return new PaymentFailed(paymentId, referenceOrDefault(),
                    checkoutId, regie, amount, currency, gateway, outcome, reason, payer, lines);
        }

        /** Sends it as PaymentFailed, or PaymentExpired when it expired, keyed by the payment id. */
        public String publish(String tenant) {
            EventType type = "EXPIRED".equals(outcome) ? EventType.PAYMENT_EXPIRED : EventType.PAYMENT_FAILED;
            return TestEvents.publish(type, tenant, paymentId, build());
        }
    }

    /** {@link RefundIssued}: by default 1000 CZK given back online through the sandbox, now, answering no billing refund. */
    public static final class RefundIssuedBuilder extends PaymentEventBuilder<RefundIssuedBuilder> {
        private String refundId;
        private String gateway = "sandbox";
        private String mode = "ONLINE";
        private String reason = "refund";
        private final Lines lines = new Lines();
        private Instant refundedAt = Instant.now();
        private String tenant = "lib-kladno";

        /** The billing refund it answers. */
        public RefundIssuedBuilder answering(String refundId) {
            this.refundId = refundId;
            return this;
        }

        /** The payment the money went back through, and that payment's reference. */
        public RefundIssuedBuilder ofPayment(String paymentId, String reference) {
            return id(paymentId).reference(reference);
        }

        public RefundIssuedBuilder through(String gateway, String mode) {
            this.gateway = gateway;
            this.mode = mode;
            return this;
        }

        public RefundIssuedBuilder because(String reason) {
            this.reason = reason;
            return this;
        }

        /** An INVOICE line for the whole amount. */
        public RefundIssuedBuilder forInvoice(String invoiceId, String description) {
            lines.add(PaymentLine.INVOICE, invoiceId, description, null);
            return this;
        }

        public RefundIssuedBuilder lines(List<PaymentLine> lines) {
            this.lines.add(lines);
            return this;
        }

        public RefundIssued build() {
            return new RefundIssued(refundId, paymentId, referenceOrDefault(),
                    regie, amount, currency, gateway, mode, reason, lines.build(tenant, amount), refundedAt);
        }

        /** Sends it keyed by the payment id; returns the JSON sent. */
        public String publish(String tenant) {
            this.tenant = tenant;
            return TestEvents.publish(EventType.REFUND_ISSUED, tenant, paymentId, build());
        }
    }

    /** {@link RefundRequested}: billing asks for a refund of an invoice through its payment, by agent-1. */
    public static final class RefundRequestedBuilder {
        private String refundId = newId();
        private String invoiceId = newId();
        private String accountId;
        private String paymentId;
        private long amount;
        private String currency;
        private String reason = "refund";
        private String operator = "agent-1";

        public RefundRequestedBuilder id(String refundId) {
            this.refundId = refundId;
            return this;
        }

        public RefundRequestedBuilder ofInvoice(String invoiceId) {
            this.invoiceId = invoiceId;
            return this;
        }

        public RefundRequestedBuilder forAccount(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The payment to give the money back through, and how much of it. */
        public RefundRequestedBuilder through(String paymentId, long amount, String currency) {
            this.paymentId = paymentId;
            this.amount = amount;
            this.currency = currency;
            return this;
        }

        public RefundRequestedBuilder because(String reason) {
            this.reason = reason;
            return this;
        }

        public RefundRequested build() {
            return new RefundRequested(refundId, invoiceId, accountId, paymentId, amount, currency, reason, operator);
        }

        /** Sends it keyed by the invoice id, as billing does; returns the event. */
        public RefundRequested publish(String tenant) {
            RefundRequested event = build();
            TestEvents.publish(EventType.REFUND_REQUESTED, tenant, invoiceId, event);
            return event;
        }
    }
}
