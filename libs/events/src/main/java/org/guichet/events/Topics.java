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
    /*
     * Each service's dead-letter topic (H3): the events its consumers could not apply after a few
     * attempts, set aside until an admin replays them; named by deadLetters(service).
     */
    public static final String BILLING_DEAD_LETTERS = "guichet.billing.dead-letters";
    public static final String CART_DEAD_LETTERS = "guichet.cart.dead-letters";
    public static final String PAYMENT_DEAD_LETTERS = "guichet.payment.dead-letters";
    public static final String NOTIFICATION_DEAD_LETTERS = "guichet.notification.dead-letters";
    public static final String REPORTING_DEAD_LETTERS = "guichet.reporting.dead-letters";

    /** The dead-letter topic of a service, by its application name ("billing-service"). */
    public static String deadLetters(String service) {
        return "guichet." + service.replaceFirst("-service$", "") + ".dead-letters";
    }

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
