package org.guichet.web.desk;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** The signed-in staff member, from the provider's tokens: name, institution (tenant claim), roles, language. */
@RequestScoped
public class DeskUser {
    public static final String AGENT = "agent";
    public static final String RESTRICTED_AGENT = "restricted-agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";
    /** Who works at the counter. */
    public static final Set<String> COUNTER = Set.of(AGENT, RESTRICTED_AGENT, SUPERVISOR, ADMIN);
    /** Who reads the money: the finance pages. */
    public static final Set<String> MONEY = Set.of(FINANCE, SUPERVISOR, ADMIN);

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;

    public String subject() {
        return idToken.getSubject();
    }

    public String name() {
        String given = idToken.getClaim("given_name");
        String family = idToken.getClaim("family_name");
        if (given != null || family != null) {
            return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        return Optional.ofNullable(idToken.<String>getClaim("preferred_username")).orElse(subject());
    }

    public String tenant() {
        return idToken.getClaim("tenant");
    }

    public Optional<String> locale() {
        return Optional.ofNullable(idToken.getClaim("locale"));
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean atCounter() {
        return COUNTER.stream().anyMatch(identity::hasRole);
    }

    public boolean readsMoney() {
        return MONEY.stream().anyMatch(identity::hasRole);
    }

    /** R11: a restricted agent moves money only with a supervisor's override. */
    public boolean restricted() {
        return has(RESTRICTED_AGENT) && !has(AGENT) && !has(SUPERVISOR) && !has(ADMIN);
    }

    /** The highest role, for the header. */
    public String role() {
        for (String r : new String[] {ADMIN, SUPERVISOR, FINANCE, AGENT, RESTRICTED_AGENT}) {
            if (has(r)) {
                return r;
            }
        }
        return "";
    }
}
