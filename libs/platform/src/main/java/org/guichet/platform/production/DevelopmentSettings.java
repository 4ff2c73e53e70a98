package org.guichet.platform.production;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every service refuses in production: tokens signed with the development key, any secret whose value
 * the repository publishes ({@link KnownDemoSecrets}), and no way at all to verify a token.
 */
@ApplicationScoped
public class DevelopmentSettings implements ProductionCheck {
    /** Property names that hold a secret or a key (the last segment of the name). */
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|secret|secrets|secret-key|api-key|sha-in|sha-out|public-key|private-key|client-secret)$");
    static final String DEV_ISSUER = "https://guichet.local/dev";

    private final Config config;

    DevelopmentSettings(Config config) {
        this.config = config;
    }

    @Override
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (enabled("quarkus.oidc.tenant-enabled") && (value("quarkus.oidc.public-key").filter(KnownDemoSecrets::isKnown).isPresent()
                || value("quarkus.oidc.token.issuer").filter(DEV_ISSUER::equals).isPresent())) {
            found.add(new Violation("quarkus.oidc.tenant-enabled",
                    "the development token key is accepted (GUICHET_DEV_TOKENS must be false in production)"));
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%") || !SECRET.matcher(name).matches()) {
                continue;
            }
            Optional<String> value = value(name);
            if (value.isPresent() && known(value.get())) {
                found.add(new Violation(name, "has a value published in the repository (a demo secret); set your own"));
            }
        }
        if (!verifiesTokens("quarkus.oidc.") && !verifiesTokens("quarkus.oidc.keycloak.")) {
            found.add(new Violation("quarkus.oidc.keycloak.auth-server-url",
                    "no OpenID provider to verify tokens: set GUICHET_OIDC_URL to your realm (every request would be 401)"));
        }
        return found;
    }

    private boolean verifiesTokens(String tenant) {
        return enabled(tenant + "tenant-enabled")
                && (value(tenant + "auth-server-url").isPresent() || value(tenant + "public-key").isPresent());
    }

    private static boolean known(String value) {
        for (String part : value.split(",")) {
            if (KnownDemoSecrets.isKnown(part)) {
                return true;
            }
        }
        return KnownDemoSecrets.isKnown(value);
    }

    private boolean enabled(String name) {
        return value(name).map(Boolean::parseBoolean).orElse(true);
    }

    private Optional<String> value(String name) {
        try {
            return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
        } catch (RuntimeException e) { // an expression that cannot be expanded is not a value
            return Optional.empty();
        }
    }
}
