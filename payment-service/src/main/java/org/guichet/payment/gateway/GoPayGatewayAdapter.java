package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * GoPay REST (docs/gateways.md): OAuth2 client credentials per régie (tokens kept until shortly before
 * they expire), payments in cents, the citizen sent to {@code gw_url}. The notification is an
 * unsigned GET of {@code ?id=…}: it only makes us fetch the payment back.
 */
@ApplicationScoped
public class GoPayGatewayAdapter extends HttpGatewayAdapter {
    public static final String NAME = "gopay";
    private static final Pattern ID = Pattern.compile("^\\d{1,19}$");

    record Token(String value, Instant expires) {
    }
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<GatewaySession> create(Payment payment, String returnUrl, String notifyUrl) {
        PaymentConfig.Regie regie = config.requireRegie(payment.regie);
        JsonObject body = new JsonObject()
                .put("target", new JsonObject().put("type", "ACCOUNT").put("goid", required(regie.goid(), "goid")))
                .put("amount", payment.amount)
                .put("currency", payment.currency)
                .put("order_number", payment.reference)
                .put("order_description", regie.statementDescriptor().orElse(payment.reference))
                .put("items", new JsonArray().add(new JsonObject().put("name", payment.reference)
                        .put("amount", payment.amount).put("count", 1)))
                .put("payer", new JsonObject().put("contact", new JsonObject().put("email", payment.payerEmail)))
                .put("callback", new JsonObject().put("return_url", returnUrl).put("notification_url", notifyUrl))
                .put("lang", language(payment.payerLanguage));
        return token(payment.regie, "payment-create").flatMap(token -> client.postAbs(api() + "/payments/payment")
                        .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "application/json")
                        .timeout(TIMEOUT_MS).sendJsonObject(body))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw response.statusCode() >= 500 ? unavailable("answered " + response.statusCode())
                                : new ProblemException(502, "gateway-refused", "Payment gateway refused the payment",
                                "GoPay refused to create the payment (" + response.statusCode() + ")", null);
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return new GatewaySession(String.valueOf(json.getLong("id")), json.getString("gw_url"));
                })
                .onFailure(t -> !(t instanceof ProblemException)).transform(t -> unavailable(t.toString()));
    }

    @Override
    public CallbackVerdict verifyCallback(Map<String, String> headers, String rawQuery, Payment payment) {
        String id = form(rawQuery, StandardCharsets.UTF_8, false).get("id");
        if (id == null || !ID.matcher(id).matches()) {
            return CallbackVerdict.rejected("a GoPay notification carries ?id=<payment id>");
        }
        return new CallbackVerdict(true, id, GatewayStatus.UNKNOWN, null);
    }

    @Override
    public Uni<GatewayStatus> lookup(Payment payment) {
        return orUnknown(token(payment.regie, "payment-all").flatMap(token -> client.getAbs(api() + "/payments/payment/"
                        + payment.gatewayRef).putHeader("Authorization", "Bearer " + token)
                        .putHeader("Accept", "application/json").timeout(TIMEOUT_MS).send())
                .map(response -> response.statusCode() == 200 ? status(response.bodyAsJsonObject().getString("state"))
                        : GatewayStatus.UNKNOWN), payment);
    }

    @Override
    public Uni<String> refund(Payment payment, long amount, String refundReference) {
        return token(payment.regie, "payment-all").flatMap(token -> client.postAbs(api() + "/payments/payment/"
                        + payment.gatewayRef + "/refund").putHeader("Authorization", "Bearer " + token)
                        .putHeader("Accept", "application/json").timeout(TIMEOUT_MS)
                        .sendForm(MultiMap.caseInsensitiveMultiMap().add("amount", Long.toString(amount))))
                .map(response -> {
                    String result = response.statusCode() == 200 ? response.bodyAsJsonObject().getString("result") : null;
                    if (!"FINISHED".equals(result) && !"ACCEPTED".equals(result)) {
                        throw refused("answered " + response.statusCode() + " " + result);
                    }
                    return payment.gatewayRef + "/refund/" + refundReference;
                })
                .onFailure(t -> !(t instanceof ProblemException)).transform(t -> unavailable(t.toString()));
    }

    /** GoPay's states in our terms; a refunded payment was paid (the refund is tracked on its own). */
    static GatewayStatus status(String state) {
        if (state == null) {
            return GatewayStatus.UNKNOWN;
        }
        return switch (state) {
            case "CREATED", "PAYMENT_METHOD_CHOSEN" -> GatewayStatus.OPEN;
            case "AUTHORIZED" -> GatewayStatus.PENDING;
            case "PAID", "REFUNDED", "PARTIALLY_REFUNDED" -> GatewayStatus.PAID;
            case "CANCELED" -> GatewayStatus.CANCELLED;
            case "TIMEOUTED" -> GatewayStatus.EXPIRED;
            default -> GatewayStatus.UNKNOWN;
        };
    }

    /** A token per régie and scope, asked again a minute before it expires. */
    private Uni<String> token(String regieCode, String scope) {
        String key = regieCode + "/" + scope;
        Token cached = tokens.get(key);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(60))) {
            return Uni.createFrom().item(cached.value());
        }
        PaymentConfig.Regie regie = config.requireRegie(regieCode);
        String basic = Base64.getEncoder().encodeToString((required(regie.clientId(), "client-id") + ":"
                + required(regie.clientSecret(), "client-secret")).getBytes(StandardCharsets.UTF_8));
        return client.postAbs(api() + "/oauth2/token").putHeader("Authorization", "Basic " + basic)
                .putHeader("Accept", "application/json").timeout(TIMEOUT_MS)
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials").add("scope", scope))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw unavailable("token answered " + response.statusCode());
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    Token token = new Token(json.getString("access_token"),
                            Instant.now().plus(Duration.ofSeconds(json.getLong("expires_in", 1800L))));
                    tokens.put(key, token);
                    return token.value();
                });
    }

    private String api() {
        return config.gopay().baseUrl();
    }

    private static String language(String language) {
        return language == null ? "CS" : language.toUpperCase(java.util.Locale.ROOT);
    }
}
