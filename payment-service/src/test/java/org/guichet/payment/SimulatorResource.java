package org.guichet.payment;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.guichet.simulator.GatewaySimulator;

import java.io.IOException;
import java.util.Map;

/** The gateway simulator, a real HTTP server on a free port, for the adapters to talk to. */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {
    static GatewaySimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            simulator = new GatewaySimulator(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("guichet.payment.mollie.base-url", simulator.baseUrl() + "/mollie",
                "guichet.payment.gopay.base-url", simulator.baseUrl() + "/gopay/api",
                "guichet.payment.ogone.base-url", simulator.baseUrl() + "/ogone/ncol/test",
                "guichet.payment.sips.paypage-url", simulator.baseUrl() + "/sips",
                "guichet.payment.sips.office-url", simulator.baseUrl() + "/sips");
    }

    @Override
    public void stop() {
        if (simulator != null) { // null when another resource failed to start first
            simulator.close();
        }
    }
}
