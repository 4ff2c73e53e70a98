package org.guichet.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "guichet.notification")
public interface NotificationConfig {

    Map<String, Regie> regies();

    /** Per institution (tenant): how its emails look and which it wants. */
    Map<String, Institution> institutions();

    interface Institution {
        /** The name at the head of every email. */
        String name();

        /** The logo's address, shown in the HTML part. */
        Optional<String> logoUrl();

        /** Whether a new bill is announced to the account holder by email. */
        @WithDefault("false")
        boolean billNotices();
    }

    Retry retry();

    interface Regie {
        /** The régie's name as citizens know it. */
        String name();

        /** Agents told when a paid request is waiting (R21). */
        List<String> agents();

        /** Language of the agents' notices. */
        @WithDefault("fr")
        String language();

        /** The statement descriptor shown on receipts (R17) when the payment does not say it. */
        Optional<String> statementDescriptor();

        /** Receipts show the local time of the payment. */
        @WithDefault("Europe/Brussels")
        java.time.ZoneId timeZone();
    }

    interface Retry {
        /** After this many failed attempts a delivery is given up and marked FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** First wait after a failure; doubled each time. */
        @WithDefault("5S")
        Duration initialBackoff();

        @WithDefault("1H")
        Duration maxBackoff();
    }
}
