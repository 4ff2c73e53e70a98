package org.guichet.simulator.ogone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.simulator.Http;
import org.guichet.simulator.Traps;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingenico/Ogone e-Commerce (docs/gateways.md) under {@code /ogone}: the browser form-POSTs the order to
 * {@code /ncol/test/orderstandard.asp} with SHASIGN (SHA-IN); a wrong signature is refused as Ogone
 * does ("unknown order/1/s"). The payment page offers accept, decline, cancel or an uncertain outcome;
 * the browser then goes to the matching URL with the result and SHA-OUT, and the post-sale request —
 * configured per merchant, not per order — is POSTed server-to-server, ISO-8859-1 encoded. DirectLink:
 * {@code querydirect.asp} (status by ORDERID or PAYID) and {@code maintenancedirect.asp} (refunds).
 */
public final class OgoneSimulator {
    /** The demo merchant the local suite's configuration uses. */
    public static final String DEMO_PSPID = "GUICHETNAMUR";
    public static final String DEMO_SHA_IN = "Sha-In_Passphrase-2026!";
    public static final String DEMO_SHA_OUT = "Sha-Out_Passphrase-2026!";
    public static final String DEMO_USER = "guichetapi";
    public static final String DEMO_PASSWORD = "Api-Password-2026";
    static final Map<String, String> OUTCOMES = Map.of("accept", "9", "decline", "2", "cancel", "1", "uncertain", "92");
    static final DateTimeFormatter TRXDATE = DateTimeFormatter.ofPattern("MM/dd/yy");

    public record Merchant(String pspid, String shaIn, String shaOut, String algorithm, String user, String password,
                           String postSaleUrl) {
    }

    static final class Order {
        final Map<String, String> fields;
        final long payId;
        volatile String status = "0";
        volatile long refunded;

        Order(Map<String, String> fields, long payId) {
            this.fields = fields;
            this.payId = payId;
        }
    }

    private final Traps traps;
    private final Map<String, Merchant> merchants = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();   // by PSPID/ORDERID
    private final AtomicLong payIds = new AtomicLong(3_012_345_000L);
    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger postSalesSent = new AtomicInteger();

    public OgoneSimulator(Traps traps, String demoPostSaleUrl) {
        this.traps = traps;
        register(new Merchant(DEMO_PSPID, DEMO_SHA_IN, DEMO_SHA_OUT, "SHA-256", DEMO_USER, DEMO_PASSWORD, demoPostSaleUrl));
    }

    /** The merchant's back-office settings: passphrases, hash algorithm, API user, post-sale URL. */
    public void register(Merchant merchant) {
        merchants.put(merchant.pspid(), merchant);
    }

    public void mount(HttpServer server) {
        server.createContext("/ogone/ncol/test/orderstandard.asp", this::order);
        server.createContext("/ogone/ncol/test/decide.asp", this::decide);
        server.createContext("/ogone/ncol/test/querydirect.asp", this::query);
        server.createContext("/ogone/ncol/test/maintenancedirect.asp", this::maintenance);
    }

    private void order(HttpExchange ex) throws IOException {
        Map<String, String> in = upper(Http.form(Http.body(ex), Http.charsetOf(ex)));
        Merchant m = merchants.get(in.getOrDefault("PSPID", ""));
        if (m == null || !OgoneSignature.sign(in, null, m.shaIn(), m.algorithm()).equals(in.getOrDefault("SHASIGN", ""))) {
            Http.send(ex, 200, "text/html; charset=iso-8859-1", "<html><body><h1>An error has occurred</h1>"
                    + "<p id=\"error\">unknown order/1/s/</p></body></html>", StandardCharsets.ISO_8859_1);
            return;
        }
        if (!in.getOrDefault("AMOUNT", "").matches("\\d+") || in.getOrDefault("ORDERID", "").isEmpty()) {
            Http.send(ex, 200, "text/html; charset=iso-8859-1", "<p id=\"error\">50001111 amount or orderid</p>",
                    StandardCharsets.ISO_8859_1);
            return;
        }
        String key = m.pspid() + "/" + in.get("ORDERID");
        Order order = orders.computeIfAbsent(key, k -> {
            created.incrementAndGet();
            return new Order(in, payIds.incrementAndGet());
        });
        StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Ogone</title>"
                + "</head><body><h1>" + Http.html(in.get("ORDERID")) + "</h1><p>" + in.get("AMOUNT") + " "
                + Http.html(in.get("CURRENCY")) + "</p><form method=\"post\" action=\"decide.asp\">"
                + "<input type=\"hidden\" name=\"ORDER\" value=\"" + Http.html(key) + "\">");
        for (String outcome : new String[]{"accept", "decline", "cancel", "uncertain"}) {
            page.append("<button type=\"submit\" name=\"OUTCOME\" value=\"").append(outcome).append("\" id=\"")
                    .append(outcome).append("\">").append(outcome).append("</button>");
        }
        order.status = "0";
        Http.send(ex, 200, "text/html; charset=utf-8", page.append("</form></body></html>").toString());
    }

    private void decide(HttpExchange ex) throws IOException {
        Map<String, String> in = Http.form(Http.body(ex), StandardCharsets.UTF_8);
        Order order = orders.get(in.getOrDefault("ORDER", ""));
        String status = OUTCOMES.get(in.getOrDefault("OUTCOME", ""));
        if (order == null || status == null) {
            Http.send(ex, 400, "text/plain", "unknown order or outcome");
            return;
        }
        order.status = status;
        Merchant m = merchants.get(order.fields.get("PSPID"));
        String result = result(order, m);
        if (m.postSaleUrl() != null && !traps.dropCallbacks) {
            int copies = Math.max(1, traps.callbackCopies);
            CompletableFuture.delayedExecutor(traps.callbackDelayMs, TimeUnit.MILLISECONDS).execute(() -> {
                for (int i = 0; i < copies; i++) {
                    postSalesSent.incrementAndGet();
                    Http.post(m.postSaleUrl(), "application/x-www-form-urlencoded; charset=ISO-8859-1", result);
                }
            });
        }
        String url = switch (status) {
            case "9" -> order.fields.get("ACCEPTURL");
            case "1" -> order.fields.getOrDefault("CANCELURL", order.fields.get("DECLINEURL"));
            case "92" -> order.fields.getOrDefault("EXCEPTIONURL", order.fields.get("DECLINEURL"));
            default -> order.fields.get("DECLINEURL");
        };
        Http.redirect(ex, url + (url.contains("?") ? "&" : "?") + result);
    }

    /** The result parameters with SHA-OUT, URL-encoded in ISO-8859-1 as Ogone sends them. */
    private String result(Order order, Merchant m) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("orderID", order.fields.get("ORDERID"));
        out.put("currency", order.fields.get("CURRENCY"));
        out.put("amount", decimal(order.fields.get("AMOUNT")));
        out.put("PM", "CreditCard");
        out.put("ACCEPTANCE", order.status.equals("9") ? "test123" : "");
        out.put("STATUS", order.status);
        out.put("CARDNO", "XXXXXXXXXXXX1111");
        out.put("ED", "1229");
        out.put("CN", order.fields.getOrDefault("CN", ""));
        out.put("TRXDATE", LocalDate.now().format(TRXDATE));
        out.put("PAYID", Long.toString(order.payId));
        out.put("NCERROR", order.status.equals("9") || order.status.equals("1") ? "0" : "30001001");
        out.put("BRAND", "VISA");
        out.put("IP", "127.0.0.1");
        out.put("SHASIGN", OgoneSignature.sign(out, OgoneSignature.OUT, m.shaOut(), m.algorithm()));
        StringBuilder s = new StringBuilder();
        out.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.ISO_8859_1)));
        return s.toString();
    }

    /** DirectLink query: the order's status as an XML ncresponse. */
    private void query(HttpExchange ex) throws IOException {
        Map<String, String> in = upper(Http.form(Http.body(ex), Http.charsetOf(ex)));
        Merchant m = authenticated(in);
        Order order = m == null ? null : orders.get(m.pspid() + "/" + in.getOrDefault("ORDERID", ""));
        if (m == null) {
            xml(ex, "<ncresponse orderID=\"\" PAYID=\"0\" NCERROR=\"50001111\" NCSTATUS=\"5\" STATUS=\"\"/>");
        } else if (order == null) {
            xml(ex, "<ncresponse orderID=\"" + Http.html(in.get("ORDERID")) + "\" PAYID=\"0\" NCERROR=\"50001130\""
                    + " NCSTATUS=\"5\" STATUS=\"\"/>");
        } else {
            xml(ex, "<ncresponse orderID=\"" + Http.html(order.fields.get("ORDERID")) + "\" PAYID=\"" + order.payId
                    + "\" NCERROR=\"0\" NCSTATUS=\"0\" STATUS=\"" + order.status + "\" amount=\""
                    + decimal(order.fields.get("AMOUNT")) + "\" currency=\"" + order.fields.get("CURRENCY") + "\"/>");
        }
    }

    /** DirectLink maintenance: OPERATION RFD (partial refund) or RFS (the last one), never beyond the amount. */
    private void maintenance(HttpExchange ex) throws IOException {
        Map<String, String> in = upper(Http.form(Http.body(ex), Http.charsetOf(ex)));
        Merchant m = authenticated(in);
        if (m == null || !OgoneSignature.sign(in, null, m.shaIn(), m.algorithm()).equals(in.getOrDefault("SHASIGN", ""))) {
            xml(ex, "<ncresponse PAYID=\"0\" NCERROR=\"50001111\" NCSTATUS=\"5\" STATUS=\"\"/>");
            return;
        }
        // a PAYID of another PSPID's order is unknown to this merchant
        Order order = orders.values().stream().filter(o -> m.pspid().equals(o.fields.get("PSPID"))
                && Long.toString(o.payId).equals(in.get("PAYID"))).findFirst().orElse(null);
        long amount = in.getOrDefault("AMOUNT", "").matches("\\d+") ? Long.parseLong(in.get("AMOUNT")) : -1;
        if (order == null || !(order.status.equals("9") || order.status.equals("8"))
                || amount <= 0 || order.refunded + amount > Long.parseLong(order.fields.get("AMOUNT"))
                || !(in.getOrDefault("OPERATION", "").equals("RFD") || in.getOrDefault("OPERATION", "").equals("RFS"))) {
            xml(ex, "<ncresponse PAYID=\"" + Http.html(in.get("PAYID")) + "\" NCERROR=\"50001127\" NCSTATUS=\"5\""
                    + " STATUS=\"83\"/>");
            return;
        }
        synchronized (order) {
            order.refunded += amount;
            if (order.refunded == Long.parseLong(order.fields.get("AMOUNT"))) {
                order.status = "8";
            }
        }
        xml(ex, "<ncresponse PAYID=\"" + order.payId + "\" PAYIDSUB=\"1\" NCERROR=\"0\" NCSTATUS=\"0\" STATUS=\"8\""
                + " amount=\"" + decimal(Long.toString(amount)) + "\"/>");
    }

    private Merchant authenticated(Map<String, String> in) {
        Merchant m = merchants.get(in.getOrDefault("PSPID", ""));
        return m != null && m.user().equals(in.get("USERID")) && m.password().equals(in.get("PSWD")) ? m : null;
    }

    public int ordersCreated() {
        return created.get();
    }

    private static Map<String, String> upper(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return out;
    }

    private static String decimal(String cents) {
        long c = Long.parseLong(cents);
        return c % 100 == 0 ? Long.toString(c / 100) : String.format(java.util.Locale.ROOT, "%d.%02d", c / 100, c % 100);
    }

    private static void xml(HttpExchange ex, String element) throws IOException {
        Http.send(ex, 200, "text/xml; charset=iso-8859-1", "<?xml version=\"1.0\"?>" + element, StandardCharsets.ISO_8859_1);
    }
}
