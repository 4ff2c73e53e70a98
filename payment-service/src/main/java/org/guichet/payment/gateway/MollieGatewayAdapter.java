package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.payment.payment.Payment;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.money.Money;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mollie Payments API v2 (docs/gateways.md). Amounts go as decimal strings; our payment id is the
 * Idempotency-Key of the creation (a retry after a timeout makes no second payment at Mollie). The
 * webhook is an unsigned form POST of {@code id=tr_…}: its only use is to say "look again" — the
 * status always comes from {@code GET /v2/payments/{id}} with the régie's key.
 */
@ApplicationScoped
public class MollieGatewayAdapter extends HttpGatewayAdapter {
    public static final String NAME = "mollie";
    private static final Logger LOG = Logger.getLogger(MollieGatewayAdapter.class);
    private static final Pattern ID = Pattern.compile("^tr_[A-Za-z0-9]{4,32}$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<GatewaySession> create(Payment payment, String returnUrl, String notifyUrl) {
        JsonObject body = new JsonObject()
                .put("amount", amount(payment.amount, payment.currency))
                .put("description", payment.reference)
                .put("redirectUrl", returnUrl)
                .put("webhookUrl", notifyUrl)
                .put("metadata", new JsonObject().put("paymentId", payment.id.toString()));
        return client.postAbs(api() + "/v2/payments").putHeader("Authorization", bearer(payment))
                .putHeader("Idempotency-Key", payment.id.toString()).timeout(TIMEOUT_MS).sendJsonObject(body)
                .map(response -> {
                    if (response.statusCode() != 201) {
                        throw failure("create", response);
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return new GatewaySession(json.getString("id"),
                            json.getJsonObject("_links").getJsonObject("checkout").getString("href"));
                })
                .onFailure(t -> !(t instanceof ProblemException)).transform(t -> unavailable(t.toString()));
    }

    @Override
    public CallbackVerdict verifyCallback(Map<String, String> headers, String rawBody, Payment payment) {
        String id = form(rawBody, StandardCharsets.UTF_8, false).get("id");
        if (id == null || !ID.matcher(id).matches()) {
            return CallbackVerdict.rejected("a Mollie webhook carries id=tr_… and nothing else");
        }
        return new CallbackVerdict(true, id, GatewayStatus.UNKNOWN, null);
    }

    @Override
    public Uni<GatewayStatus> lookup(Payment payment) {
        return orUnknown(client.getAbs(api() + "/v2/payments/" + payment.gatewayRef).putHeader("Authorization", bearer(payment))
                .timeout(TIMEOUT_MS).send()
                .map(response -> response.statusCode() == 200 ? status(response.bodyAsJsonObject().getString("status"))
                        : GatewayStatus.UNKNOWN), payment);
    }

    @Override
    public Uni<String> refund(Payment payment, long amount, String refundReference) {
        JsonObject body = new JsonObject().put("amount", amount(amount, payment.currency))
                .put("description", "Refund " + payment.reference);
        return client.postAbs(api() + "/v2/payments/" + payment.gatewayRef + "/refunds")
                .putHeader("Authorization", bearer(payment)).putHeader("Idempotency-Key", refundReference)
                .timeout(TIMEOUT_MS).sendJsonObject(body)
                .map(response -> {
                    if (response.statusCode() != 201) {
                        throw refused("answered " + response.statusCode());
                    }
                    return response.bodyAsJsonObject().getString("id");
                })
                .onFailure(t -> !(t instanceof ProblemException)).transform(t -> unavailable(t.toString()));
    }

    /** Mollie's statuses in our terms (docs/gateways.md). */
    static GatewayStatus status(String mollie) {
        if (mollie == null) {
            return GatewayStatus.UNKNOWN;
        }
        return switch (mollie) {
            case "open" -> GatewayStatus.OPEN;
            case "pending", "authorized" -> GatewayStatus.PENDING;
            case "paid" -> GatewayStatus.PAID;
            case "canceled" -> GatewayStatus.CANCELLED;
            case "expired" -> GatewayStatus.EXPIRED;
            case "failed" -> GatewayStatus.FAILED;
            default -> GatewayStatus.UNKNOWN;
        };
    }

    static JsonObject amount(long minor, String currency) {
        return new JsonObject().put("currency", currency).put("value", Money.of(minor, currency).toDecimalString());
    }

    private String api() {
        return config.mollie().baseUrl();
    }

    private String bearer(Payment payment) {
        return "Bearer " + required(config.requireRegie(payment.regie).apiKey(), "API key");
    }

    private ProblemException failure(String what, HttpResponse<?> response) {
        LOG.warnf("Mollie %s answered %d", what, response.statusCode());
        return response.statusCode() >= 500 ? unavailable("answered " + response.statusCode())
                : new ProblemException(502, "gateway-refused", "Payment gateway refused the payment",
                "The payment gateway refused to create the payment (" + response.statusCode() + ")", null);
    }
}
