package org.guichet.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits on what one client may send: the size of a body, and per rule, how many requests a second
 * to the public endpoints (payment creation, callbacks, searches). A client is its address, and the
 * subject of its bearer token when it has one. Each replica counts for itself.
 */
@ConfigMapping(prefix = "guichet.limits")
public interface RequestLimitsConfig {
    /** The largest body accepted, in bytes (a larger declared Content-Length is a 413 before it is read). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * Smaller body limits for some paths, e.g. gateway callbacks (a few KB):
     * guichet.limits.bodies.callbacks.paths=/callbacks/ and guichet.limits.bodies.callbacks.max-bytes=65536.
     */
    Map<String, BodyLimit> bodies();

    interface BodyLimit {
        /** Path prefixes the limit covers. */
        List<String> paths();

        /** The largest body accepted there, in bytes. */
        long maxBytes();
    }

    /** Off only for benchmarks, whose load comes from one address. */
    @WithDefault("true")
    boolean ratesEnabled();

    /** Rate-limit rules by name, e.g. guichet.limits.rates.callbacks.paths=/callbacks/. */
    Map<String, Rule> rates();

    interface Rule {
        /** Path prefixes the rule covers. */
        List<String> paths();

        /** HTTP methods it covers; all when absent. */
        Optional<List<String>> methods();

        /** Sustained requests per second and client. */
        double perSecond();

        /** Requests a client may make at once. */
        int burst();
    }
}
