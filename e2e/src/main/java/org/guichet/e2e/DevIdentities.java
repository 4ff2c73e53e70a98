package org.guichet.e2e;

import org.guichet.testing.DevTokens;

/** Tokens signed with the development key (./guichet token): the subject is the username. */
public final class DevIdentities implements Identities {
    @Override
    public Identity login(String username, String tenant, String role, String firstName, String lastName,
                          String email, String locale) {
        if (firstName == null) {
            return new Identity(username, DevTokens.mint(username, tenant, role));
        }
        String name = lastName == null ? firstName : firstName + " " + lastName;
        return new Identity(username, DevTokens.mint(username, tenant, name, email, locale, 3600, role));
    }
}
