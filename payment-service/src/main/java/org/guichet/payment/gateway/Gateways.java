package org.guichet.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.guichet.platform.error.Problems;

/** Finds the adapter for a gateway name. */
@ApplicationScoped
public class Gateways {
    @Inject
    Instance<GatewayAdapter> adapters;

    public GatewayAdapter get(String name) {
        return find(name).orElseThrow(() -> Problems.notFound("Gateway " + name));
    }

    /** The adapter of that name, if it exists and is enabled here. */
    public java.util.Optional<GatewayAdapter> find(String name) {
        for (GatewayAdapter adapter : adapters) {
            if (adapter.name().equals(name) && adapter.enabled()) {
                return java.util.Optional.of(adapter);
            }
        }
        return java.util.Optional.empty();
    }
}
