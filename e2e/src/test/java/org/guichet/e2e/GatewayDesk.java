package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The gateways' side of a launcher suite, as the invariants need it: the payer's choice on each hosted
 * page, what each gateway itself holds (its truth about a payment and the money it kept), and its
 * callbacks delivered again — the same news the gateway would send now, or an exact replay, a stale or a
 * forged one. Keys and secrets are the local suite's development ones (application.properties).
 */
final class GatewayDesk {
    static final String SANDBOX_API_KEY = "sbx_local_api_key";
    static final String SANDBOX_SECRET = "whsec_local_sandbox";
    static final String MOLLIE_KEY = "test_guichetSimulatorKey00000000000";
    static final String GOPAY_CLIENT = "1061399163";
    static final String GOPAY_SECRET = "stDTmVXF";

    /** What the payer does on the gateway's page. */
    enum Decision { PAY, REFUSE, CANCEL, EXPIRE }

    /** What the gateway says of a payment: its own status, and the money it took and gave back. */
    record Truth(String status, boolean paid, long amount, long refunded) {
        long kept() {
            return paid ? amount - refunded : 0;
        }
    }

    /** A callback as delivered: its headers and raw body, to send again byte for byte. */
    record Delivery(Map<String, String> headers, String body) {
    }

    private final SuiteUrls urls;
    private final String simulator;

    GatewayDesk(SuiteUrls urls, String simulator) {
        this.urls = urls;
        this.simulator = simulator;
    }

    /** The gateway's id of a payment, read from the hosted page it sent the payer to. */
    static String refOf(String gateway, String checkoutUrl) {
        return checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
    }

    /** The payer's choice on the hosted page; the gateway then calls back (a 303 sends the browser home). */
    Http.Reply decide(String gateway, String checkoutUrl, Decision decision) {
        String form = switch (gateway) {
            case "sandbox" -> "decision=" + switch (decision) {
                case PAY -> "pay";
                case REFUSE -> "refuse";
                case CANCEL, EXPIRE -> "cancel";
            };
            case "mollie" -> "status=" + switch (decision) {
                case PAY -> "paid";
                case REFUSE -> "failed";
                case CANCEL -> "canceled";
                case EXPIRE -> "expired";
            };
            case "gopay" -> "state=" + switch (decision) {
                case PAY -> "paid";
                case REFUSE, CANCEL -> "canceled";
                case EXPIRE -> "timeouted";
            };
            default -> throw new IllegalArgumentException("no hosted page for " + gateway);
        };
        return Http.postForm(checkoutUrl, form);
    }

    Truth truth(String gateway, String ref) {
        switch (gateway) {
            case "sandbox" -> {
                JsonNode p = Http.getWith(urls.payment() + "/sandbox/api/payments/" + ref,
                        Map.of("X-Sandbox-Key", SANDBOX_API_KEY)).json();
                String status = p.path("status").asText();
                return new Truth(status, status.equals("paid"), p.path("amount").asLong(), p.path("refunded").asLong());
            }
            case "mollie" -> {
                JsonNode p = Http.getWith(simulator + "/mollie/v2/payments/" + ref,
                        Map.of("Authorization", "Bearer " + MOLLIE_KEY)).json();
                String status = p.path("status").asText();
                return new Truth(status, status.equals("paid"), cents(p.path("amount").path("value").asText("0.00")),
                        cents(p.path("amountRefunded").path("value").asText("0.00")));
            }
            case "gopay" -> {
                JsonNode p = Http.getWith(simulator + "/gopay/api/payments/payment/" + ref,
                        Map.of("Authorization", "Bearer " + goPayToken(), "Accept", "application/json")).json();
                String state = p.path("state").asText();
                boolean paid = state.equals("PAID") || state.endsWith("REFUNDED");
                return new Truth(state, paid, p.path("amount").asLong(), p.path("refunded").asLong(0));
            }
            default -> throw new IllegalArgumentException("no gateway " + gateway);
        }
    }

    /** The gateway's callback as it would send it now: the payment's current status, freshly signed. */
    Delivery callback(String gateway, String ref) {
        return switch (gateway) {
            case "sandbox" -> {
                String body = sandboxBody(ref);
                yield new Delivery(Map.of("Content-Type", "application/json", "Sandbox-Signature",
                        signature(Instant.now().getEpochSecond(), body, SANDBOX_SECRET)), body);
            }
            case "mollie" -> new Delivery(Map.of("Content-Type", "application/x-www-form-urlencoded"), "id=" + ref);
            case "gopay" -> new Delivery(Map.of(), "id=" + ref);
            default -> throw new IllegalArgumentException("no callbacks from " + gateway);
        };
    }

    /** A sandbox callback telling the gateway's current status, signed {@code ageSeconds} ago. */
    Delivery staleSandbox(String ref, long ageSeconds) {
        String body = sandboxBody(ref);
        return new Delivery(Map.of("Content-Type", "application/json", "Sandbox-Signature",
                signature(Instant.now().getEpochSecond() - ageSeconds, body, SANDBOX_SECRET)), body);
    }

    /** A sandbox callback claiming {@code status}, signed with a secret that is not the gateway's. */
    Delivery forgedSandbox(String ref, String status) {
        ObjectNode body = Http.JSON.createObjectNode().put("id", ref).put("status", status);
        return new Delivery(Map.of("Content-Type", "application/json", "Sandbox-Signature",
                signature(Instant.now().getEpochSecond(), body.toString(), "whsec_not_the_gateway")), body.toString());
    }

    /** Delivers a callback to payment-service (GoPay's is a GET of the query). */
    Http.Reply deliver(String gateway, Delivery d) {
        String url = urls.payment() + "/callbacks/" + gateway;
        return gateway.equals("gopay") ? Http.getWith(url + "?" + d.body(), d.headers()) : Http.postRaw(url, d.body(), d.headers());
    }

    private String sandboxBody(String ref) {
        JsonNode p = Http.getWith(urls.payment() + "/sandbox/api/payments/" + ref, Map.of("X-Sandbox-Key", SANDBOX_API_KEY))
                .json();
        // the fields the sandbox's own callback carries, in its order
        return Http.JSON.createObjectNode().put("id", ref).put("merchantReference", p.path("merchantReference").asText())
                .put("status", p.path("status").asText()).put("amount", p.path("amount").asLong())
                .put("currency", p.path("currency").asText()).toString();
    }

    private volatile String goPayToken;

    private String goPayToken() {
        if (goPayToken == null) {
            String basic = Base64.getEncoder().encodeToString((GOPAY_CLIENT + ":" + GOPAY_SECRET).getBytes(StandardCharsets.UTF_8));
            goPayToken = Http.postRaw(simulator + "/gopay/api/oauth2/token", "grant_type=client_credentials&scope=payment-all",
                    Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded",
                            "Accept", "application/json")).json().path("access_token").asText();
        }
        return goPayToken;
    }

    /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>}, the sandbox's (and Stripe's) scheme. */
    static String signature(long t, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long cents(String decimal) {
        String[] parts = decimal.split("\\.");
        return Long.parseLong(parts[0]) * 100 + (parts.length > 1 ? Long.parseLong((parts[1] + "00").substring(0, 2)) : 0);
    }
}
