package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.ProblemException;
import org.jboss.logging.Logger;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What every adapter that talks HTTP to its gateway shares: the client, the failures, form bodies, credentials. */
abstract class HttpGatewayAdapter implements GatewayAdapter {
    protected static final long TIMEOUT_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(HttpGatewayAdapter.class);

    @Inject
    Vertx vertx;
    @Inject
    PaymentConfig config;

    protected WebClient client;

    @PostConstruct
    void createClient() {
        // Vert.x keeps 5 connections per gateway by default: a burst of callbacks, each asking the
        // gateway for the status, then waits for a connection past the timeout (the benchmark showed it)
        client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(config.gatewayConnections())
                .setKeepAlive(true));
    }

    /** The gateway did not answer (or answered 5xx): nothing was charged; the caller may try again. */
    protected ProblemException unavailable(String why) {
        LOG.warnf("%s unavailable: %s", name(), why);
        return new ProblemException(502, "gateway-unavailable", "Payment gateway unavailable",
                "The payment gateway did not answer; nothing was charged, please try again", null);
    }

    protected ProblemException refused(String what) {
        return new ProblemException(502, "refund-refused", "Refund refused by the gateway", name() + " " + what, null);
    }

    /** A look-up that fails is UNKNOWN: the reconciler asks again later. */
    protected Uni<GatewayStatus> orUnknown(Uni<GatewayStatus> lookup, Payment payment) {
        return lookup.onFailure().recoverWithItem(t -> {
            LOG.warnf("%s look-up of %s failed: %s", name(), payment.gatewayRef, t.toString());
            return GatewayStatus.UNKNOWN;
        });
    }

    /** A credential of the régie's account; missing, the régie is misconfigured (never logged: only its name). */
    protected <T> T required(Optional<T> value, String what) {
        return value.orElseThrow(() -> new ProblemException(500, "gateway-misconfigured", "Gateway not configured",
                "The " + name() + " account has no " + what + " configured", null));
    }

    /**
     * Null when a signed result's amount (minor units) and currency are the payment's; otherwise what differs.
     * A gateway-signed "paid" for another amount is never applied: the money received is not what was asked.
     */
    protected static String mismatch(Payment payment, Long signedAmount, String signedCurrency) {
        if (signedAmount == null || signedCurrency == null) {
            return "the signed result carries no readable amount or currency";
        }
        if (signedAmount != payment.amount || !signedCurrency.equals(payment.currency)) {
            return "signed for " + signedAmount + " " + signedCurrency + ", the payment is " + payment.amount + " "
                    + payment.currency;
        }
        return null;
    }

    /** {@code a=1&b=2} decoded in the gateway's charset; with {@code upperKeys}, keys upper-cased. */
    protected static Map<String, String> form(String raw, Charset charset, boolean upperKeys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String key = URLDecoder.decode(pair.substring(0, eq), charset);
                values.put(upperKeys ? key.toUpperCase(Locale.ROOT) : key, URLDecoder.decode(pair.substring(eq + 1), charset));
            }
        }
        return values;
    }
}
