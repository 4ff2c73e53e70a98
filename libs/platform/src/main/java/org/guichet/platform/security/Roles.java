package org.guichet.platform.security;

/** The role names tokens carry in their {@code groups} claim. */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String AGENT = "agent";
    public static final String RESTRICTED_AGENT = "restricted-agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
