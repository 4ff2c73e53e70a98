package org.guichet.e2e;

/** Where the running suite is. Defaults are the ports of {@code ./guichet up}. */
public record SuiteUrls(String billing, String cart, String payment, String notification, String reporting,
                        String mailbox) {

    public static SuiteUrls fromSystemProperties() {
        return new SuiteUrls(
                System.getProperty("guichet.billing.url", "http://127.0.0.1:8081"),
                System.getProperty("guichet.cart.url", "http://127.0.0.1:8082"),
                System.getProperty("guichet.payment.url", "http://127.0.0.1:8083"),
                System.getProperty("guichet.notification.url", "http://127.0.0.1:8084"),
                System.getProperty("guichet.reporting.url", "http://127.0.0.1:8085"),
                System.getProperty("guichet.mailbox.url", "http://127.0.0.1:8025"));
    }

    public static SuiteUrls withOffset(int offset) {
        return new SuiteUrls("http://127.0.0.1:" + (8081 + offset), "http://127.0.0.1:" + (8082 + offset),
                "http://127.0.0.1:" + (8083 + offset), "http://127.0.0.1:" + (8084 + offset),
                "http://127.0.0.1:" + (8085 + offset), "http://127.0.0.1:" + (8025 + offset));
    }
}
