package org.guichet.e2e;

/**
 * Who the journey acts as. {@link DevIdentities} signs tokens with the development key;
 * {@link KeycloakIdentities} has Keycloak issue them, for users it registers in the realm.
 */
public interface Identities {

    /** A logged-in user: the subject the services know them by, and their bearer token. */
    record Identity(String subject, String token) {
    }

    /** Logs {@code username} in (registering them first where needed) with one realm role. */
    Identity login(String username, String tenant, String role, String firstName, String lastName, String email,
                   String locale);

    default Identity login(String username, String tenant, String role) {
        return login(username, tenant, role, null, null, null, null);
    }
}
