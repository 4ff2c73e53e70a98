package org.guichet.cart;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for billing-service's payability answer in cart's own tests (billing's rules are tested
 * in billing, and the two together end to end in e2e). An account answers "may pay online, nothing
 * special" unless a test sets another answer for it.
 */
public class BillingStandIn implements QuarkusTestResourceLifecycleManager {
    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private HttpServer server;

    static void answer(String subject, boolean onlineAllowed, boolean fullBalanceOnly, long balance) {
        ANSWERS.put(subject, """
                {"accountId":"%s","institution":"lib-kladno","regie":"kladno-library","currency":"CZK","balance":%d,
                 "overdue":0,"fullBalanceOnly":%s,"payable":true,"refusal":null,"principalAccountId":"%s",
                 "onlinePaymentAllowed":%s,"registrationValidUntil":"2020-01-31","paymentModes":["CASH"],"bills":[]}
                """.formatted(subject, balance, fullBalanceOnly, subject, onlineAllowed));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/accounts/me/payability", exchange -> {
            String subject = subject(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = ANSWERS.getOrDefault(subject, """
                    {"accountId":"%s","institution":"lib-kladno","regie":"kladno-library","currency":"CZK","balance":0,
                     "overdue":0,"fullBalanceOnly":false,"payable":true,"principalAccountId":"%s",
                     "onlinePaymentAllowed":true,"paymentModes":["CASH"],"bills":[]}
                    """.formatted(subject, subject));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("guichet.services.billing-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The token's subject, read without verifying: billing verifies, this stand-in only needs the name. */
    static String subject(String authorization) {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        int at = json.indexOf("\"sub\"");
        int start = json.indexOf('"', json.indexOf(':', at)) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
