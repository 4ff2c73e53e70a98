package org.guichet.reporting.backoffice;

import org.guichet.platform.money.Money;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the back office's pages show amounts and instants (decimal comma, UTC to the minute). */
final class BackOfficeView {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private BackOfficeView() {
    }

    static String money(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString().replace('.', ',') + " " + currency;
    }

    static String instant(Instant at) {
        return at == null ? "" : INSTANT.format(at);
    }
}
