package org.guichet.events;

import org.guichet.events.payload.*;


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
    REQUEST_READY("RequestReady", 1, Topics.REQUESTS, RequestReady.class),
    REQUEST_REFUSED("RequestRefused", 1, Topics.REQUESTS, RequestRefused.class),
    PAYMENT_SETTLED("PaymentSettled", 1, Topics.PAYMENTS, PaymentSettled.class),
    PAYMENT_FAILED("PaymentFailed", 1, Topics.PAYMENTS, PaymentFailed.class),
    /** The payment's time ran out without money; same payload as PaymentFailed (outcome EXPIRED). */
    PAYMENT_EXPIRED("PaymentExpired", 1, Topics.PAYMENTS, PaymentFailed.class),
    RECEIPT_REQUESTED("ReceiptRequested", 1, Topics.PAYMENTS, ReceiptRequested.class),
    NOTIFICATION_SENT("NotificationSent", 1, Topics.NOTIFICATIONS, NotificationSent.class),
    ACCOUNT_REGISTERED("AccountRegistered", 1, Topics.ACCOUNTS, AccountRegistered.class),
    ACCOUNT_BLOCKED("AccountBlocked", 1, Topics.ACCOUNTS, AccountBlocked.class),
    ACCOUNT_UNBLOCKED("AccountUnblocked", 1, Topics.ACCOUNTS, AccountUnblocked.class),
    ACCOUNT_SENT_TO_COLLECTIONS("AccountSentToCollections", 1, Topics.ACCOUNTS, AccountSentToCollections.class),
    ACCOUNT_CLOSED("AccountClosed", 1, Topics.ACCOUNTS, AccountClosed.class),
    ACCOUNT_PSEUDONYMISED("AccountPseudonymised", 1, Topics.ACCOUNTS, AccountPseudonymised.class),
    /** Keyed by the tenant: personal data on the institution's transactions before a date is to go. */
    TRANSACTIONS_PAST_RETENTION("TransactionsPastRetention", 1, Topics.ACCOUNTS, TransactionsPastRetention.class),
    REFUND_REQUESTED("RefundRequested", 1, Topics.REFUND_REQUESTS, RefundRequested.class),
    REFUND_ISSUED("RefundIssued", 1, Topics.PAYMENTS, RefundIssued.class),
    REFUND_FAILED("RefundFailed", 1, Topics.PAYMENTS, RefundFailed.class),
    REFUND_AWAITING_BANK_DETAILS("RefundAwaitingBankDetails", 2, Topics.PAYMENTS, RefundAwaitingBankDetails.class),
    /** An account was given on the refund form; the IBAN travels masked. */
    REFUND_BANK_DETAILS_GIVEN("RefundBankDetailsGiven", 1, Topics.PAYMENTS, RefundBankDetailsGiven.class),
    LOAN_REPORTED("LoanReported", 1, Topics.LOANS, LoanReported.class);

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

    /** The service that publishes this type (null: from outside the suite), see {@link Topics#owner}. */
    public String producer() {
        return Topics.owner(topic);
    }

    public Class<?> payloadClass() {
        return payloadClass;
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
