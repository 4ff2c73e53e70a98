package org.guichet.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own client at the OIDC provider (deploy/keycloak: guichet-&lt;service&gt;), used when it
 * calls another service on a user's behalf: it exchanges the user's token for one issued to itself.
 */
@ConfigMapping(prefix = "guichet.services.credentials")
public interface ServiceCredentialsConfig {
    /** Exchange users' provider tokens before passing them on (on with the provider's tenant). */
    @WithDefault("false")
    boolean enabled();

    /** The provider's token endpoint. */
    String tokenUrl();

    String clientId();

    /** From the service's Secret in production (GUICHET_SERVICE_CLIENT_SECRET); never logged. */
    java.util.Optional<String> clientSecret();

    default String requireClientSecret() {
        return clientSecret().orElseThrow(() -> new IllegalStateException(
                "guichet.services.credentials.client-secret is not set (GUICHET_SERVICE_CLIENT_SECRET)"));
    }
}
