package org.guichet.web.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.guichet.web.services.BillingApi;
import org.guichet.web.services.CartApi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the desk knows of an institution (name, currency, zone, locale, payment modes) and the names of its régies,
 * asked of billing and cart with the signed-in user's token and kept a few minutes per institution.
 */
@ApplicationScoped
public class Institutions {
    static final Duration KEPT = Duration.ofMinutes(5);

    public record Known(BillingApi.Institution institution, Map<String, String> regieNames, Instant fetchedAt) {
        public String regieName(String code) {
            return code == null ? "" : regieNames.getOrDefault(code, code);
        }
    }

    @Inject
    @RestClient
    BillingApi billing;
    @Inject
    @RestClient
    CartApi cart;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** The signed-in user's institution ({@code tenant}), asked again after {@link #KEPT}. */
    public Known of(String tenant) {
        Known k = known.get(tenant);
        if (k == null || k.fetchedAt().plus(KEPT).isBefore(Instant.now())) {
            BillingApi.Institution institution = billing.institution();
            Map<String, String> names = cart.regies().stream()
                    .collect(Collectors.toMap(CartApi.Regie::code, r -> r.name() == null ? r.code() : r.name(), (a, b) -> a));
            k = new Known(institution, Map.copyOf(names), Instant.now());
            known.put(tenant, k);
        }
        return k;
    }
}
