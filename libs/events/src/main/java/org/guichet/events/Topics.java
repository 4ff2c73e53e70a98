package org.guichet.events;

/** One topic per aggregate, keyed by the aggregate id. */
public final class Topics {
    public static final String INVOICES = "guichet.billing.invoices";
    public static final String FINES = "guichet.billing.fines";
    public static final String CHECKOUTS = "guichet.cart.checkouts";
    public static final String PAYMENTS = "guichet.payment.payments";
    public static final String NOTIFICATIONS = "guichet.notification.deliveries";

    private Topics() {
    }
}
