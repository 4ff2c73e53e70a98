package org.guichet.billing.override;

import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

/**
 * Staff acting on bills: who they are, in which institution, and — for a restricted agent — the
 * override a supervisor granted them (R11), from the {@value #OVERRIDE_HEADER} header.
 */
public record Actor(String tenant, String subject, boolean restricted, String overrideId) {
    public static final String OVERRIDE_HEADER = "Guichet-Override";

    public static Actor of(Caller caller, String overrideId) {
        boolean restricted = caller.hasRole(Roles.RESTRICTED_AGENT) && !caller.hasRole(Roles.AGENT)
                && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.ADMIN);
        return new Actor(caller.tenant(), caller.subject(), restricted, overrideId);
    }

    /** The billing system itself (fine policies, consumers): never restricted. */
    public static Actor system(String tenant, String name) {
        return new Actor(tenant, name, false, null);
    }
}
