package org.guichet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Stands in for billing-service's payability answer (what an account may pay and how) in the tests of
 * the services that ask it — cart (the citizen's own account) and payment (the counter, deposits).
 * Billing's rules are tested in billing, and the services together end to end in e2e. An account
 * answers "a Kladno account that owes nothing, may pay online, in cash, by cheque, card, bank transfer or voucher"
 * (each mode with its kind: VOUCHER's reference is optional) unless a test
 * sets another answer for it.
 */
public class BillingStandIn implements QuarkusTestResourceLifecycleManager {
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private HttpServer server;

    /** An open bill of an account, as billing lists it, with the payments billing applied to it. */
    public record Bill(String id, String number, long outstanding, List<String> appliedPayments) {
        public Bill(String id, String number, long outstanding) {
            this(id, number, outstanding, List.of());
        }
    }

    /** The answer for {@code accountId} (by id, or as the citizen's own account). */
    public static void answer(String accountId, boolean onlineAllowed, boolean fullBalanceOnly, long balance) {
        answer(accountId, onlineAllowed, fullBalanceOnly, balance, List.of());
    }

    public static void answer(String accountId, boolean onlineAllowed, boolean fullBalanceOnly, long balance,
                              List<Bill> bills) {
        ANSWERS.put(accountId, json(accountId, onlineAllowed, fullBalanceOnly, balance, bills));
    }

    private static String json(String accountId, boolean onlineAllowed, boolean fullBalanceOnly, long balance,
                               List<Bill> bills) {
        String open = bills.stream().map(b -> "{\"id\":\"%s\",\"number\":\"%s\",\"outstanding\":%d,\"appliedPayments\":[%s]}"
                .formatted(b.id(), b.number(), b.outstanding(), b.appliedPayments().stream().map(p -> "\"" + p + "\"")
                        .collect(Collectors.joining(",")))).collect(Collectors.joining(","));
        return """
                {"accountId":"%s","institution":"lib-kladno","regie":"kladno-library","currency":"CZK","balance":%d,
                 "overdue":0,"fullBalanceOnly":%s,"payable":true,"refusal":null,"principalAccountId":"%s",
                 "onlinePaymentAllowed":%s,"registrationValidUntil":"2020-01-31",
                 "paymentModes":["CASH","CHEQUE","CARD_TERMINAL","BANK_TRANSFER","VOUCHER"],"bills":[%s],
                 "modes":[{"code":"CASH","kind":"CASH","label":"Hotovost","referenceRequired":false},
                          {"code":"CHEQUE","kind":"CHEQUE","label":"Šek","referenceRequired":false},
                          {"code":"CARD_TERMINAL","kind":"REFERENCE","label":"Platební terminál","referenceRequired":true},
                          {"code":"BANK_TRANSFER","kind":"REFERENCE","label":"Bankovní převod","referenceRequired":true},
                          {"code":"VOUCHER","kind":"REFERENCE","label":"Poukaz","referenceRequired":false}]}
                """.formatted(accountId, balance, fullBalanceOnly, accountId, onlineAllowed, open);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/accounts/", this::payability);
        server.start();
        return Map.of("guichet.services.billing-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code /accounts/me/payability} answers for the token's subject, {@code /accounts/{id}/payability} for the id. */
    private void payability(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getRawPath().split("/");
        if (parts.length != 4 || !parts[3].equals("payability")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String account = parts[2].equals("me") ? subject(exchange.getRequestHeaders().getFirst("Authorization"))
                : URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        String body = ANSWERS.getOrDefault(account, json(account, true, false, 0, List.of()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
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
