package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.payment.payment.Payment;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.signature.WebhookSignature;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The built-in sandbox gateway's protocol: JSON API with an API key, hosted page, callbacks signed
 * {@code Sandbox-Signature: t=..,v1=..} (HMAC-SHA256 over the raw body). It behaves like a real
 * gateway over HTTP, so the whole journey runs without an acquirer.
 */
@ApplicationScoped
public class SandboxGatewayAdapter extends HttpGatewayAdapter {
    public static final String NAME = "sandbox";
    public static final String SIGNATURE_HEADER = "Sandbox-Signature";
    public static final String API_KEY_HEADER = "X-Sandbox-Key";

    @Inject
    Clock clock;
    private URI base;

    @PostConstruct
    void init() {
        base = URI.create(config.sandbox().baseUrl());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.sandbox().enabled();
    }

    @Override
    public Uni<GatewaySession> create(Payment payment, String returnUrl, String notifyUrl) {
        JsonObject body = new JsonObject()
                .put("merchantReference", payment.id.toString())
                .put("amount", payment.amount)
                .put("currency", payment.currency)
                .put("description", payment.reference)
                .put("returnUrl", returnUrl)
                .put("notifyUrl", notifyUrl);
        return client.postAbs(base + "/api/payments").putHeader(API_KEY_HEADER, config.sandbox().requireApiKey())
                .timeout(TIMEOUT_MS).sendJsonObject(body)
                .map(response -> {
                    if (response.statusCode() != 201 && response.statusCode() != 200) {
                        throw unavailable("answered " + response.statusCode());
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return new GatewaySession(json.getString("id"), json.getString("checkoutUrl"));
                })
                .onFailure(t -> !(t instanceof ProblemException)).transform(t -> unavailable(t.toString()));
    }

    @Override
    public CallbackVerdict verifyCallback(Map<String, String> headers, String rawBody, Payment payment) {
        if (!WebhookSignature.verify(headers.get(SIGNATURE_HEADER), rawBody, config.sandbox().requireWebhookSecrets(),
                clock.instant(), WebhookSignature.DEFAULT_TOLERANCE)) {
            return CallbackVerdict.rejected("bad or missing " + SIGNATURE_HEADER);
        }
        try {
            JsonObject json = new JsonObject(rawBody);
            return new CallbackVerdict(true, json.getString("id"), status(json.getString("status")), null);
        } catch (RuntimeException e) {
            return CallbackVerdict.rejected("signed body is not JSON");
        }
    }

    @Override
    public Uni<GatewayStatus> lookup(Payment payment) {
        return orUnknown(client.getAbs(base + "/api/payments/" + payment.gatewayRef)
                .putHeader(API_KEY_HEADER, config.sandbox().requireApiKey()).timeout(TIMEOUT_MS).send()
                .map(SandboxGatewayAdapter::statusOf), payment);
    }

    @Override
    public Uni<String> refund(Payment payment, long amount, String refundReference) {
        JsonObject body = new JsonObject().put("amount", amount).put("reference", refundReference);
        return client.postAbs(base + "/api/payments/" + payment.gatewayRef + "/refunds")
                .putHeader(API_KEY_HEADER, config.sandbox().requireApiKey()).timeout(TIMEOUT_MS).sendJsonObject(body)
                .map(response -> {
                    if (response.statusCode() != 201) {
                        throw refused("answered " + response.statusCode() + ": " + response.bodyAsString());
                    }
                    return response.bodyAsJsonObject().getString("id");
                })
                .onFailure(t -> !(t instanceof ProblemException)).transform(t -> unavailable(t.toString()));
    }

    private static GatewayStatus statusOf(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            return GatewayStatus.UNKNOWN;
        }
        return status(response.bodyAsJsonObject().getString("status"));
    }

    static GatewayStatus status(String sandboxStatus) {
        if (sandboxStatus == null) {
            return GatewayStatus.UNKNOWN;
        }
        return switch (sandboxStatus) {
            case "open" -> GatewayStatus.OPEN;
            case "paid" -> GatewayStatus.PAID;
            case "refused" -> GatewayStatus.FAILED;
            case "cancelled" -> GatewayStatus.CANCELLED;
            case "expired" -> GatewayStatus.EXPIRED;
            default -> GatewayStatus.UNKNOWN;
        };
    }

}
