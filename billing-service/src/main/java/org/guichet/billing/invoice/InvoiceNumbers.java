package org.guichet.billing.invoice;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.db.SessionSql;

import java.util.Locale;

/** Gives out human invoice numbers, gap-free per institution and year, inside the caller's transaction. */
@ApplicationScoped
public class InvoiceNumbers {
    private static final String NEXT = "insert into invoice_number_counter (tenant, year, last) values ($1, $2, 1) "
            + "on conflict (tenant, year) do update set last = invoice_number_counter.last + 1 returning last";

    public Uni<String> next(String tenant, int year) {
        return SessionSql.value(NEXT, Long.class, tenant, year)
                .map(n -> String.format(Locale.ROOT, "%s-%d-%06d", tenant.toUpperCase(Locale.ROOT), year, n));
    }
}
