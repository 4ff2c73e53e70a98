package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Worldline Sips 2.0 Paypage POST (docs/gateways.md). The browser posts {@code Data} + {@code Seal} from
 * our page; the result comes twice with the same seal — the manual response through the browser and
 * the automatic one server to server — and both go through the callback inbox (idempotent). Status
 * look-ups and refunds use the Office JSON services, sealed over the values sorted by key.
 */
@ApplicationScoped
public class SipsGatewayAdapter extends HttpGatewayAdapter {
    public static final String NAME = "sips";
    static final Map<String, String> CURRENCIES = Map.of("EUR", "978", "CZK", "203", "USD", "840", "GBP", "826");

    @Override
    public String name() {
        return NAME;
    }

    /** Sips references are alphanumeric: our reference without its dashes. */
    static String transactionReference(Payment payment) {
        return payment.reference.replaceAll("[^A-Za-z0-9]", "");
    }

    @Override
    public Uni<GatewaySession> create(Payment payment, String returnUrl, String notifyUrl) {
        return Uni.createFrom().item(new GatewaySession(transactionReference(payment),
                config.publicUrl() + "/payments/" + payment.id + "/pay"));
    }

    @Override
    public Optional<FormPost> formPost(Payment payment, String returnUrl, String notifyUrl) {
        PaymentConfig.Regie regie = config.requireRegie(payment.regie);
        String currency = CURRENCIES.get(payment.currency);
        if (currency == null) {
            throw new ProblemException(422, "currency-not-supported", "Currency not supported",
                    "Sips is not configured for " + payment.currency, null);
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("amount", Long.toString(payment.amount));
        data.put("currencyCode", currency);
        data.put("merchantId", required(regie.merchantId(), "merchant-id"));
        data.put("normalReturnUrl", returnUrl);
        data.put("automaticResponseUrl", notifyUrl);
        data.put("transactionReference", transactionReference(payment));
        data.put("keyVersion", Integer.toString(regie.keyVersion()));
        data.put("orderChannel", "INTERNET");
        if (SipsSeal.HMAC.equals(regie.sealAlgorithm())) {
            data.put("sealAlgorithm", SipsSeal.HMAC);
        }
        StringBuilder joined = new StringBuilder();
        data.forEach((k, v) -> joined.append(joined.length() == 0 ? "" : "|").append(k).append('=').append(v));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Data", joined.toString());
        fields.put("InterfaceVersion", "HP_2.20");
        fields.put("Seal", SipsSeal.paypage(joined.toString(), required(regie.secretKey(), "secret-key"),
                regie.sealAlgorithm()));
        return Optional.of(new FormPost(config.sips().paypageUrl() + "/paymentInit", fields));
    }

    /** A response names its payment by transactionReference: found first, verified with its régie's key. */
    @Override
    public Optional<String> namedReference(String rawBody) {
        String rawData = form(rawBody, StandardCharsets.UTF_8, false).get("Data");
        return rawData == null ? Optional.empty() : Optional.ofNullable(data(rawData).get("transactionReference"));
    }

    /**
     * A response (manual or automatic): Data and Seal as form fields, sealed with the secret of the payment's
     * régie in the algorithm configured for it — never the one the data names. Its merchantId and keyVersion
     * are the régie's; its amount and currency must be the payment's (a mismatch is flagged, never applied).
     */
    @Override
    public CallbackVerdict verifyCallback(Map<String, String> headers, String rawBody, Payment payment) {
        Map<String, String> fields = form(rawBody, StandardCharsets.UTF_8, false);
        String rawData = fields.get("Data");
        if (rawData == null) {
            return CallbackVerdict.rejected("a Sips response carries Data and Seal");
        }
        if (payment == null) {
            return CallbackVerdict.rejected("transactionReference names no Sips payment");
        }
        PaymentConfig.Regie regie = config.regie(payment.regie).filter(r -> NAME.equals(r.gateway())).orElse(null);
        if (regie == null || regie.secretKey().isEmpty()) {
            return CallbackVerdict.rejected("the payment's régie has no Sips secret key");
        }
        Map<String, String> data = data(rawData);
        String algorithm = regie.sealAlgorithm();
        if (data.containsKey("sealAlgorithm") && !algorithm.equals(data.get("sealAlgorithm"))) {
            return CallbackVerdict.rejected("sealAlgorithm is not the one configured for the régie");
        }
        if (!SipsSeal.same(SipsSeal.paypage(rawData, regie.secretKey().get(), algorithm), fields.get("Seal"))) {
            return CallbackVerdict.rejected("bad or missing Seal (the payment's régie's key)");
        }
        if (!regie.merchantId().equals(Optional.ofNullable(data.get("merchantId")))
                || !String.valueOf(regie.keyVersion()).equals(data.get("keyVersion"))) {
            return CallbackVerdict.rejected("merchantId or keyVersion is not the régie's");
        }
        String amount = data.getOrDefault("amount", "");
        String currency = CURRENCIES.entrySet().stream().filter(e -> e.getValue().equals(data.get("currencyCode")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        return CallbackVerdict.signed(data.get("transactionReference"), status(data.get("responseCode")),
                mismatch(payment, amount.matches("\\d{1,15}") ? Long.valueOf(amount) : null, currency));
    }

    /** Parses Sips' {@code key=value|key=value}. */
    static Map<String, String> data(String rawData) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String pair : rawData.split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                data.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return data;
    }

    @Override
    public Uni<GatewayStatus> lookup(Payment payment) {
        PaymentConfig.Regie regie = config.requireRegie(payment.regie);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "DR_WS_2.20");
        request.put("merchantId", required(regie.merchantId(), "merchant-id"));
        request.put("keyVersion", regie.keyVersion());
        request.put("transactionReference", payment.gatewayRef);
        return orUnknown(office("/rs-services/v2/diagnostic/getTransactionData", request, regie)
                .map(answer -> {
                    if ("25".equals(answer.getString("responseCode"))) {
                        return GatewayStatus.OPEN;     // Sips never saw it: the citizen did not post the form
                    }
                    return "00".equals(answer.getString("responseCode"))
                            ? transactionStatus(answer.getString("transactionStatus")) : GatewayStatus.UNKNOWN;
                }), payment);
    }

    @Override
    public Uni<String> refund(Payment payment, long amount, String refundReference) {
        PaymentConfig.Regie regie = config.requireRegie(payment.regie);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "CR_WS_2.20");
        request.put("merchantId", required(regie.merchantId(), "merchant-id"));
        request.put("keyVersion", regie.keyVersion());
        request.put("transactionReference", payment.gatewayRef);
        request.put("operationAmount", amount);
        request.put("currencyCode", CURRENCIES.get(payment.currency));
        request.put("operationOrigin", refundReference);
        return office("/rs-services/v2/cashManagement/refund", request, regie).map(answer -> {
            if (!"00".equals(answer.getString("responseCode"))) {
                throw refused("answered responseCode " + answer.getString("responseCode"));
            }
            return payment.gatewayRef + "/" + refundReference;
        });
    }

    private Uni<JsonObject> office(String path, Map<String, Object> request, PaymentConfig.Regie regie) {
        String secret = required(regie.secretKey(), "secret-key");
        JsonObject body = new JsonObject(request).put("seal", SipsSeal.office(request, secret));
        return client.postAbs(config.sips().officeUrl() + path).timeout(TIMEOUT_MS).sendJsonObject(body)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw unavailable("Office answered " + response.statusCode());
                    }
                    JsonObject answer = response.bodyAsJsonObject();
                    if (answer.containsKey("seal") && !SipsSeal.same(SipsSeal.office(answer.getMap(), secret),
                            answer.getString("seal"))) {
                        throw new ProblemException(502, "gateway-unsealed", "Unsealed gateway answer",
                                "Sips Office's answer did not carry a valid seal", null);
                    }
                    return answer;
                });
    }

    /** responseCode (docs/gateways.md): 00 accepted, 17 cancelled, 60 pending, 97 expired, 90/99 unknown, refusals. */
    static GatewayStatus status(String code) {
        if (code == null) {
            return GatewayStatus.UNKNOWN;
        }
        return switch (code) {
            case "00" -> GatewayStatus.PAID;
            case "17" -> GatewayStatus.CANCELLED;
            case "60" -> GatewayStatus.PENDING;
            case "97" -> GatewayStatus.EXPIRED;
            case "02", "03", "05", "11", "12", "14", "34", "54", "75" -> GatewayStatus.FAILED;
            default -> GatewayStatus.UNKNOWN;      // 90, 99, and 94 (a reference used twice) go to reconciliation
        };
    }

    static GatewayStatus transactionStatus(String status) {
        if (status == null) {
            return GatewayStatus.UNKNOWN;
        }
        return switch (status) {
            case "CAPTURED", "TO_CAPTURE", "AUTHORISED", "CREDITED", "TO_CREDIT", "REFUNDED" -> GatewayStatus.PAID;
            case "UNDER_AUTHORISATION_REQUEST", "TO_AUTHORIZE" -> GatewayStatus.PENDING;
            case "REFUSED" -> GatewayStatus.FAILED;
            case "CANCELLED" -> GatewayStatus.CANCELLED;
            case "EXPIRED" -> GatewayStatus.EXPIRED;
            default -> GatewayStatus.UNKNOWN;
        };
    }
}
