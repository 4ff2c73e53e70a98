package org.guichet.payment.regie;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.guichet.payment.gateway.Gateways;
import org.guichet.platform.production.ProductionCheck;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The régies' gateway accounts, checked at start-up. In every profile a régie must name a gateway this service
 * has (the sandbox only where enabled). In the prod profile no money may be faked: no sandbox, no gateway test
 * key or test endpoint unless the régie is marked {@code test}, https everywhere, and at least one régie.
 */
@ApplicationScoped
public class RegieSettings implements ProductionCheck {
    /** The gateways' test platforms (docs/gateways.md); their payments take no money. */
    private static final Set<String> TEST_HOSTS = Set.of("gw.sandbox.gopay.com", "payment-webinit.simu.sips-services.com",
            "office-server.test.sips-services.com", "payment-webinit-mercanet.test.sips-services.com");

    private final PaymentConfig config;
    private final Gateways gateways;

    RegieSettings(PaymentConfig config, Gateways gateways) {
        this.config = config;
        this.gateways = gateways;
    }

    void onStart(@Observes StartupEvent event) {
        for (Map.Entry<String, PaymentConfig.Regie> regie : config.regies().entrySet()) {
            if (gateways.find(regie.getValue().gateway()).isEmpty()) {
                throw new IllegalStateException("guichet.payment.regies." + regie.getKey() + ".gateway: no gateway "
                        + regie.getValue().gateway() + " here" + ("sandbox".equals(regie.getValue().gateway())
                        ? " (the sandbox is served only with guichet.payment.sandbox.enabled=true, never in production)" : ""));
            }
        }
    }

    @Override
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (config.regies().isEmpty()) {
            found.add(new Violation("guichet.payment.regies", "no régie is configured: nothing could be paid"));
        }
        if (config.sandbox().enabled()) {
            found.add(new Violation("guichet.payment.sandbox.enabled", "the sandbox gateway settles payments with no money"));
        }
        if (!https(config.publicUrl())) {
            found.add(new Violation("guichet.payment.public-url", "gateways and browsers must reach this service over https"));
        }
        config.regies().forEach((code, regie) -> {
            String name = "guichet.payment.regies." + code + ".";
            if (regie.test()) {
                return; // a rehearsal régie: test keys and endpoints are what it is for
            }
            switch (regie.gateway()) {
                case "sandbox" -> found.add(new Violation(name + "gateway", "the sandbox gateway settles payments with no money"));
                case "mollie" -> {
                    if (regie.apiKey().filter(k -> k.startsWith("test_")).isPresent()) {
                        found.add(new Violation(name + "api-key", "a Mollie test key (test_…): anyone can mark its payments paid;"
                                + " use the live key, or mark the régie test=true"));
                    }
                    endpoint(found, "guichet.payment.mollie.base-url", config.mollie().baseUrl(), code);
                }
                case "gopay" -> endpoint(found, "guichet.payment.gopay.base-url", config.gopay().baseUrl(), code);
                case "ogone" -> endpoint(found, "guichet.payment.ogone.base-url", config.ogone().baseUrl(), code);
                case "sips" -> {
                    endpoint(found, "guichet.payment.sips.paypage-url", config.sips().paypageUrl(), code);
                    endpoint(found, "guichet.payment.sips.office-url", config.sips().officeUrl(), code);
                }
                default -> { }
            }
        });
        return found;
    }

    private static void endpoint(List<Violation> found, String setting, String url, String regie) {
        URI uri = URI.create(url);
        boolean test = !https(url) || TEST_HOSTS.contains(uri.getHost()) || uri.getPath().contains("/ncol/test");
        if (test && found.stream().noneMatch(v -> v.setting().equals(setting))) {
            found.add(new Violation(setting, "a test endpoint of the gateway (" + url + "), used by the régie " + regie
                    + " which is not marked test=true"));
        }
    }

    private static boolean https(String url) {
        return url != null && url.startsWith("https://");
    }
}
