package org.guichet.events;

/** One topic per aggregate, keyed by the aggregate id. */
public final class Topics {
    public static final String INVOICES = "guichet.billing.invoices";
    public static final String FINES = "guichet.billing.fines";
    public static final String CHECKOUTS = "guichet.cart.checkouts";
    /** Procedure requests (R19–R22): ready for the régie's agents, refused. */
    public static final String REQUESTS = "guichet.cart.requests";
    public static final String PAYMENTS = "guichet.payment.payments";
    /**
     * Account standing: registration, blocks, collections, closure and pseudonymisation (billing-service);
     * also the institutions' retention cut-offs (TransactionsPastRetention, keyed by tenant).
     */
    public static final String ACCOUNTS = "guichet.billing.accounts";
    /** Refunds billing asks payment-service to make. */
    public static final String REFUND_REQUESTS = "guichet.billing.refunds";
    /** Loans as the library system reports them (produced outside Guichet). */
    public static final String LOANS = "guichet.library.loans";
    public static final String NOTIFICATIONS = "guichet.notification.deliveries";

    private Topics() {
    }

    /**
     * The one service that writes a topic (its Kafka ACL lets no other), or null for a topic written from outside
     * (the library system's loans). A consumer takes an event only from its topic's owner (M7).
     */
    public static String owner(String topic) {
        return switch (topic) {
            case INVOICES, FINES, ACCOUNTS, REFUND_REQUESTS -> "billing-service";
            case CHECKOUTS, REQUESTS -> "cart-service";
            case PAYMENTS -> "payment-service";
            case NOTIFICATIONS -> "notification-service";
            default -> null;
        };
    }
}
