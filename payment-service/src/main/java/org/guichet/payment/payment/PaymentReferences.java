package org.guichet.payment.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/** The payment reference printed on bank statements, unique and sequential per régie. */
@ApplicationScoped
public class PaymentReferences {
    private static final String NEXT = "insert into payment_reference_counter (regie, last) values (?1, 1) "
            + "on conflict (regie) do update set last = payment_reference_counter.last + 1 returning last";

    public Uni<String> next(String regie) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(NEXT, Long.class).setParameter(1, regie).getSingleResult())
                .map(n -> String.format(Locale.ROOT, "%s-%06d", regie.toUpperCase(Locale.ROOT), n));
    }
}
