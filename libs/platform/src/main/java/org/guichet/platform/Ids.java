package org.guichet.platform;

import java.util.UUID;

/** Application-made identifiers: random UUIDs, unguessable and safe to expose. */
public final class Ids {
    private Ids() {
    }

    public static UUID newId() {
        return UUID.randomUUID();
    }

    /** Parses a path or body id; anything that is not a UUID is simply not found. */
    public static UUID parseOrNotFound(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw org.guichet.platform.error.Problems.notFound(what);
        }
    }
}
