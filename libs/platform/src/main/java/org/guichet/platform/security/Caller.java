package org.guichet.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.guichet.platform.error.Problems;

/**
 * Who is calling, read from the verified bearer token only: tenant and owner never come from the
 * path or the body.
 */
@RequestScoped
public class Caller {
    public static final String TENANT_CLAIM = "tenant";

    @Inject
    JsonWebToken jwt;

    @Inject
    SecurityIdentity identity;

    public String subject() {
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw Problems.unauthorized("The token has no subject");
        }
        return sub;
    }

    public String tenant() {
        String tenant = claim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw Problems.forbidden("The token names no tenant");
        }
        return tenant;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** True for staff of the tenant (any role but citizen). */
    public boolean isStaff() {
        return hasRole(Roles.AGENT) || hasRole(Roles.SUPERVISOR) || hasRole(Roles.RESTRICTED_AGENT)
                || hasRole(Roles.FINANCE) || hasRole(Roles.ADMIN);
    }

    public String name() {
        return claim("name");
    }

    public String email() {
        return claim("email");
    }

    public String language() {
        String locale = claim("locale");
        return locale == null ? "fr" : locale;
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }
}
