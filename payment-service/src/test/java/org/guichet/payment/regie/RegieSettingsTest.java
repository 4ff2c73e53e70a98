package org.guichet.payment.regie;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.guichet.platform.production.ProductionCheck.Violation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** L15, C1: what the prod profile refuses of the régies' gateway accounts (plain config, no service). */
class RegieSettingsTest {

    private static List<String> refused(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("guichet.payment.public-url", "https://pay.ville.example"));
        all.putAll(settings);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PaymentConfig.class).withDefaultValues(all).build();
        return new RegieSettings(config.getConfigMapping(PaymentConfig.class), null).violations().stream()
                .map(Violation::setting).toList();
    }

    private static Map<String, String> regie(String code, String gateway, String... more) {
        Map<String, String> m = new HashMap<>(Map.of("guichet.payment.regies." + code + ".gateway", gateway,
                "guichet.payment.regies." + code + ".institutions", "ville",
                "guichet.payment.regies." + code + ".currency", "EUR"));
        for (int i = 0; i < more.length; i += 2) {
            m.put("guichet.payment.regies." + code + "." + more[i], more[i + 1]);
        }
        return m;
    }

    @Test
    void L15_aMollieTestKeyOrAGatewaysTestEndpointIsRefusedForARealRegie() {
        assertEquals(List.of("guichet.payment.regies.pop.api-key"),
                refused(regie("pop", "mollie", "api-key", "test_" + "a".repeat(30))));
        Map<String, String> gopay = regie("lib", "gopay");
        gopay.put("guichet.payment.gopay.base-url", "https://gw.sandbox.gopay.com/api");
        assertEquals(List.of("guichet.payment.gopay.base-url"), refused(gopay));
        Map<String, String> ogone = regie("etat", "ogone");
        ogone.put("guichet.payment.ogone.base-url", "https://secure.ogone.com/ncol/test");
        assertEquals(List.of("guichet.payment.ogone.base-url"), refused(ogone));
        Map<String, String> sips = regie("repas", "sips");
        sips.put("guichet.payment.sips.office-url", "http://127.0.0.1:8090/sips");
        assertEquals(List.of("guichet.payment.sips.office-url"), refused(sips));
    }

    @Test
    void L15_aRegieMarkedTestMayRehearseAndTheGatewaysProductionHostsPass() {
        assertEquals(List.of(), refused(regie("pop", "mollie", "api-key", "test_" + "a".repeat(30), "test", "true")));
        assertEquals(List.of(), refused(regie("pop", "mollie", "api-key", "live_" + "a".repeat(30))));
        assertEquals(List.of(), refused(regie("lib", "gopay")), "GoPay's production host is the default");
        assertEquals(List.of(), refused(regie("etat", "ogone")), "Ogone's production platform is the default");
        assertEquals(List.of(), refused(regie("repas", "sips")), "Sips' production hosts are the default");
    }

    @Test
    void C1_theSandboxAndAnInstallationWithoutRegiesAreRefused() {
        Map<String, String> sandbox = regie("kladno", "sandbox");
        sandbox.put("guichet.payment.sandbox.enabled", "true");
        List<String> refused = refused(sandbox);
        assertTrue(refused.contains("guichet.payment.sandbox.enabled"), refused.toString());
        assertTrue(refused.contains("guichet.payment.regies.kladno.gateway"), refused.toString());
        assertEquals(List.of("guichet.payment.regies"), refused(Map.of()));
        assertEquals(List.of("guichet.payment.public-url"),
                refused(Map.of("guichet.payment.public-url", "http://pay.ville.example",
                        "guichet.payment.regies.pop.gateway", "mollie", "guichet.payment.regies.pop.institutions", "v",
                        "guichet.payment.regies.pop.currency", "EUR")));
    }
}
