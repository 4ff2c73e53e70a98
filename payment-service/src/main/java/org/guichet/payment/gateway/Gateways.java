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
        for (GatewayAdapter adapter : adapters) {
            if (adapter.name().equals(name)) {
                return adapter;
            }
        }
        throw Problems.notFound("Gateway " + name);
    }
}
