package org.guichet.payment.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.bank.StructuredCommunication;
import org.guichet.platform.db.SessionSql;

import java.util.Locale;

/**
 * The payment reference printed on bank statements, unique and sequential per régie: REGIE-000042, or
 * where the régie says so the Belgian structured communication +++ddd/dddd/ddddd+++ — the régie's
 * three-digit prefix, then the sequence on seven digits — so that the régies sharing one bank account
 * never give two payments the same communication.
 */
@ApplicationScoped
public class PaymentReferences {
    private static final String NEXT = "insert into payment_reference_counter (regie, last) values ($1, 1) "
            + "on conflict (regie) do update set last = payment_reference_counter.last + 1 returning last";

    @Inject
    PaymentConfig config;

    public Uni<String> next(String regie) {
        return SessionSql.value(NEXT, Long.class, regie)
                .map(n -> format(regie, n));
    }

    String format(String regie, long n) {
        PaymentConfig.Regie r = config.regies().get(regie);
        if (r != null && r.referenceFormat() == PaymentConfig.ReferenceFormat.BE_STRUCTURED) {
            int prefix = r.referencePrefix().orElseThrow(() -> new IllegalStateException("régie " + regie
                    + " uses structured communications: set guichet.payment.regies." + regie + ".reference-prefix"));
            return StructuredCommunication.of(prefix * 10_000_000L + n);
        }
        return String.format(Locale.ROOT, "%s-%06d", regie.toUpperCase(Locale.ROOT), n);
    }
}
