package org.guichet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.simulator.gopay.GoPaySimulator;
import org.guichet.simulator.mollie.MollieSimulator;
import org.guichet.simulator.ogone.OgoneSimulator;
import org.guichet.simulator.sips.SipsSimulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gateway simulator as a real HTTP server on 127.0.0.1: each gateway under its own prefix
 * ({@code /mollie}, {@code /gopay}), the traps switched over {@code POST /_control/traps}, counts at
 * {@code GET /_control/stats}. Run it: {@code java -jar guichet-gateway-simulator.jar [port]}.
 */
public final class GatewaySimulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    public final Traps traps = new Traps();
    public final MollieSimulator mollie;
    public final GoPaySimulator gopay;
    public final OgoneSimulator ogone;
    public final SipsSimulator sips;

    public GatewaySimulator(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        mollie = new MollieSimulator(base, traps);
        mollie.mount(server);
        gopay = new GoPaySimulator(base, traps);
        gopay.mount(server);
        ogone = new OgoneSimulator(traps, System.getProperty("simulator.ogone.post-sale-url"));
        ogone.mount(server);
        sips = new SipsSimulator(traps);
        sips.mount(server);
        server.createContext("/_control/traps", this::setTraps);
        server.createContext("/_control/stats", this::stats);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void setTraps(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            Http.send(ex, 405, "text/plain", "POST a JSON object of traps");
            return;
        }
        JsonNode in = Http.JSON.readTree(Http.body(ex));
        if (in.path("reset").asBoolean(false)) {
            traps.reset();
        }
        if (in.has("callbackDelayMs")) {
            traps.callbackDelayMs = in.get("callbackDelayMs").asLong();
        }
        if (in.has("dropCallbacks")) {
            traps.dropCallbacks = in.get("dropCallbacks").asBoolean();
        }
        if (in.has("callbackCopies")) {
            traps.callbackCopies = in.get("callbackCopies").asInt();
        }
        if (in.has("apiDelayMs")) {
            traps.apiDelayMs = in.get("apiDelayMs").asLong();
        }
        if (in.has("failNextCreates")) {
            traps.failNextCreates.set(in.get("failNextCreates").asInt());
        }
        if (in.has("refuseRefunds")) {
            traps.refuseRefunds = in.get("refuseRefunds").asBoolean();
        }
        Http.send(ex, 204, "text/plain", "");
    }

    private void stats(HttpExchange ex) throws IOException {
        Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(Map.of(
                "mollie", Map.of("paymentsCreated", mollie.paymentsCreated(), "webhooksSent", mollie.webhooksSent.get(),
                        "lookups", mollie.lookups.get()),
                "gopay", Map.of("paymentsCreated", gopay.paymentsCreated(), "notificationsSent",
                        gopay.notificationsSent.get()),
                "ogone", Map.of("ordersCreated", ogone.ordersCreated(), "postSalesSent", ogone.postSalesSent.get()),
                "sips", Map.of("transactionsCreated", sips.transactionsCreated(), "automaticResponses",
                        sips.automaticResponses.get()))));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        GatewaySimulator simulator = new GatewaySimulator(port);
        System.out.println("gateway simulator on " + simulator.baseUrl() + " (mollie at /mollie, gopay at /gopay/api, ogone at /ogone/ncol/test, sips at /sips)");
    }
}
