package org.guichet.payment.receipt;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.documents.Receipt;
import org.guichet.documents.ReceiptPdf;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.db.SessionSql;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipts (R12): every settled payment, online or at the counter, gets a number unique per
 * institution (RC-TENANT-YEAR-NNNNNN, from one sequence: increasing, possibly with gaps), given in
 * the settlement's transaction; the printable
 * PDF is rendered from the same data PaymentSettled carries, so the emailed copy is the same document.
 */
@ApplicationScoped
public class Receipts {
    private static final String NEXT = "select nextval('receipt_number_seq')";

    @Inject
    PaymentConfig config;
    @ConfigProperty(name = "guichet.receipt.font")
    Optional<String> font;

    /** In the settlement's transaction; a payment keeps the number it was given. */
    public Uni<Void> number(Payment payment, Instant settledAt) {
        if (payment.receiptNumber != null) {
            return Uni.createFrom().voidItem();
        }
        int year = settledAt.atZone(zone(payment.regie)).getYear();
        return SessionSql.value(NEXT, Long.class)
                .invoke(n -> payment.receiptNumber = String.format(Locale.ROOT, "RC-%s-%d-%06d",
                        payment.tenant.toUpperCase(Locale.ROOT), year, n))
                .replaceWithVoid();
    }

    public String statementDescriptor(String regie) {
        return config.regie(regie).flatMap(PaymentConfig.Regie::statementDescriptor).orElse(null);
    }

    public byte[] pdf(PaymentSettled settled) {
        return ReceiptPdf.render(Receipt.of(settled), zone(settled.regie()), font);
    }

    private ZoneId zone(String regie) {
        return config.regie(regie).map(PaymentConfig.Regie::timeZone).orElse(ZoneId.of("UTC"));
    }
}
