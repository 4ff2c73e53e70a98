package org.guichet.events;

import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.CreditDeposited;
import org.guichet.events.payload.FineAccrued;
import org.guichet.events.payload.InvoiceCancelled;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.InvoicePaid;
import org.guichet.events.payload.InvoiceWaived;
import org.guichet.events.payload.NotificationSent;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentSettled;

/**
 * Every event type with its topic, current version and payload class. The JSON Schema of each
 * lives at {@code events/schemas/<Type>.v<version>.json}, an example at {@code events/examples/}.
 */
public enum EventType {
    INVOICE_CREATED("InvoiceCreated", 1, Topics.INVOICES, InvoiceCreated.class),
    INVOICE_PAID("InvoicePaid", 1, Topics.INVOICES, InvoicePaid.class),
    INVOICE_CANCELLED("InvoiceCancelled", 1, Topics.INVOICES, InvoiceCancelled.class),
    INVOICE_WAIVED("InvoiceWaived", 1, Topics.INVOICES, InvoiceWaived.class),
    CREDIT_DEPOSITED("CreditDeposited", 1, Topics.INVOICES, CreditDeposited.class),
    FINE_ACCRUED("FineAccrued", 1, Topics.FINES, FineAccrued.class),
    CART_CHECKED_OUT("CartCheckedOut", 1, Topics.CHECKOUTS, CartCheckedOut.class),
    PAYMENT_SETTLED("PaymentSettled", 1, Topics.PAYMENTS, PaymentSettled.class),
    PAYMENT_FAILED("PaymentFailed", 1, Topics.PAYMENTS, PaymentFailed.class),
    NOTIFICATION_SENT("NotificationSent", 1, Topics.NOTIFICATIONS, NotificationSent.class);

    private final String typeName;
    private final int version;
    private final String topic;
    private final Class<?> payloadClass;

    EventType(String typeName, int version, String topic, Class<?> payloadClass) {
        this.typeName = typeName;
        this.version = version;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public int version() {
        return version;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    public String schemaResource() {
        return "events/schemas/" + typeName + ".v" + version + ".json";
    }

    public String exampleResource() {
        return "events/examples/" + typeName + ".v" + version + ".json";
    }

    public static EventType byName(String typeName) {
        for (EventType t : values()) {
            if (t.typeName.equals(typeName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type " + typeName);
    }
}
