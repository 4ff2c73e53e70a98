package org.guichet.platform.security;

/** The role names tokens carry in their {@code groups} claim. */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String AGENT = "agent";
    public static final String RESTRICTED_AGENT = "restricted-agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String FINANCE = "finance";
    /** An institution's administrator: its configuration, its people's data. */
    public static final String ADMIN = "admin";
    /**
     * Whoever runs the installation for every institution (never an institution's admin): operations whose
     * effect crosses tenants, such as rebuilding a read model.
     */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
