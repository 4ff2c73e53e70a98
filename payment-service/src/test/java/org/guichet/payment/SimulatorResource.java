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
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "guichet.payment.mollie.base-url", simulator.baseUrl() + "/mollie",
                "guichet.payment.gopay.base-url", simulator.baseUrl() + "/gopay/api",
                "guichet.payment.ogone.base-url", simulator.baseUrl() + "/ogone/ncol/test",
                "guichet.payment.sips.paypage-url", simulator.baseUrl() + "/sips",
                "guichet.payment.sips.office-url", simulator.baseUrl() + "/sips"));
        // a second Ogone and Sips régie, whose keys must never verify the demo régies' callbacks (finding H1, SECURITY.md)
        regie(config, OTHER_OGONE_REGIE, "ogone", Map.of("pspid", OTHER_PSPID, "sha-in", "Other-Sha-In-2026",
                "sha-out", OTHER_SHA_OUT, "sha-algorithm", "SHA-256", "user-id", "otherapi", "password", "Other-Api-2026"));
        regie(config, OTHER_SIPS_REGIE, "sips", Map.of("merchant-id", OTHER_SIPS_MERCHANT, "secret-key", OTHER_SIPS_SECRET,
                "key-version", "1", "seal-algorithm", "HMAC-SHA-256"));
        return config;
    }

    static final String OTHER_OGONE_REGIE = "other-ogone";
    static final String OTHER_PSPID = "OTHERPSPID";
    static final String OTHER_SHA_OUT = "Other-Sha-Out-2026";
    static final String OTHER_SIPS_REGIE = "other-sips";
    static final String OTHER_SIPS_MERCHANT = "002001000000002";
    static final String OTHER_SIPS_SECRET = "002001000000002_KEY1";

    private static void regie(Map<String, String> config, String code, String gateway, Map<String, String> account) {
        String prefix = "guichet.payment.regies." + code + ".";
        config.put(prefix + "gateway", gateway);
        config.put(prefix + "institutions", "ville-namur");
        config.put(prefix + "currency", "EUR");
        account.forEach((k, v) -> config.put(prefix + k, v));
    }

    @Override
    public void stop() {
        if (simulator != null) { // null when another resource failed to start first
            simulator.close();
        }
    }
}
