package org.guichet.platform.logging;

import org.jboss.logging.MDC;

/**
 * Ids as log fields: in production the JSON log line carries them as fields of its own
 * ({@code "mdc":{"paymentId":"…"}}), so an operator can filter one payment's or invoice's lines.
 * Only ids go here — never names, emails, card data or secrets.
 */
public final class LogFields {
    public static final String PAYMENT_ID = "paymentId";
    public static final String INVOICE_ID = "invoiceId";

    private LogFields() {
    }

    /** Runs {@code log} with {@code key=value} in the logging context, then takes it out again. */
    public static void with(String key, Object value, Runnable log) {
        Object previous = MDC.get(key);
        MDC.put(key, String.valueOf(value));
        try {
            log.run();
        } finally {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }
}
