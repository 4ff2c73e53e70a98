package org.guichet.web.desk;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * In the prod profile the desk refuses to start on a development setting: no identity provider, a short or demo
 * client secret (it also encrypts the session cookie), or session cookies allowed over plain http.
 */
@Singleton
public class ProductionGuard {
    static final int MIN_SECRET = 32;
    /** The demo realm's secret of the desk's client (config/demo/web.properties). */
    static final String DEMO_SECRET = "desk-development-secret-not-for-production";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url", defaultValue = "")
    String authServer;
    @ConfigProperty(name = "quarkus.oidc.credentials.secret", defaultValue = "")
    String secret;
    @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "true")
    boolean secureCookies;

    void check(@Observes StartupEvent started) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> wrong = problems(authServer, secret, secureCookies);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The desk refuses to start in production: " + String.join("; ", wrong));
        }
    }

    static List<String> problems(String authServer, String secret, boolean secureCookies) {
        List<String> wrong = new ArrayList<>();
        if (authServer == null || authServer.isBlank()) {
            wrong.add("GUICHET_OIDC_URL is not set");
        }
        if (secret == null || secret.length() < MIN_SECRET) {
            wrong.add("GUICHET_DESK_CLIENT_SECRET must be at least " + MIN_SECRET + " characters");
        } else if (secret.equals(DEMO_SECRET)) {
            wrong.add("GUICHET_DESK_CLIENT_SECRET is the demo's");
        }
        if (!secureCookies) {
            wrong.add("session cookies must be Secure (quarkus.oidc.authentication.cookie-force-secure)");
        }
        return wrong;
    }
}
