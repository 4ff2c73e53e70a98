package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.regie.PaymentConfig;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingenico/Ogone e-Commerce (docs/gateways.md). The citizen's browser form-POSTs the order, signed with the
 * régie's SHA-IN, to Ogone's page; our ORDERID is the payment reference. The result (browser return
 * and the post-sale request) is signed with SHA-OUT — checked on the ISO-8859-1 values, a wrong
 * signature changes nothing. Status look-ups and refunds go through DirectLink with the API user.
 */
@ApplicationScoped
public class OgoneGatewayAdapter extends HttpGatewayAdapter {
    public static final String NAME = "ogone";
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b([A-Za-z]+)=\"([^\"]*)\"");

    @Override
    public String name() {
        return NAME;
    }

    /** Nothing to call: the order exists at Ogone once the browser posts it from our page. */
    @Override
    public Uni<GatewaySession> create(Payment payment, String returnUrl, String notifyUrl) {
        return Uni.createFrom().item(new GatewaySession(payment.reference,
                config.publicUrl() + "/payments/" + payment.id + "/pay"));
    }

    @Override
    public Optional<FormPost> formPost(Payment payment, String returnUrl, String notifyUrl) {
        PaymentConfig.Regie regie = config.requireRegie(payment.regie);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("PSPID", required(regie.pspid(), "pspid"));
        fields.put("ORDERID", payment.reference);
        fields.put("AMOUNT", Long.toString(payment.amount));
        fields.put("CURRENCY", payment.currency);
        fields.put("LANGUAGE", language(payment.payerLanguage));
        fields.put("CN", payment.payerName == null ? "" : payment.payerName);
        fields.put("EMAIL", payment.payerEmail == null ? "" : payment.payerEmail);
        for (String url : new String[]{"ACCEPTURL", "DECLINEURL", "EXCEPTIONURL", "CANCELURL"}) {
            fields.put(url, returnUrl);
        }
        fields.put("SHASIGN", OgoneSha.sign(fields, OgoneSha.IN, required(regie.shaIn(), "sha-in"), regie.shaAlgorithm()));
        return Optional.of(new FormPost(config.ogone().baseUrl() + "/orderstandard.asp", fields));
    }

    /** The post-sale request names its payment by ORDERID (our reference): found first, verified with its régie's key. */
    @Override
    public Optional<String> namedReference(String rawBody) {
        return Optional.ofNullable(form(rawBody, StandardCharsets.ISO_8859_1, true).get("ORDERID"));
    }

    /**
     * The post-sale request: form fields, ISO-8859-1, signed with the SHA-OUT of the payment's régie, in the
     * algorithm configured for it. A PSPID, when sent, is the régie's; the signed AMOUNT and CURRENCY must be
     * the payment's (a mismatch is flagged, never applied).
     */
    @Override
    public CallbackVerdict verifyCallback(Map<String, String> headers, String rawBody, Payment payment) {
        Map<String, String> params = form(rawBody, StandardCharsets.ISO_8859_1, true);
        if (payment == null) {
            return CallbackVerdict.rejected("ORDERID names no Ogone payment");
        }
        PaymentConfig.Regie regie = config.regie(payment.regie).filter(r -> NAME.equals(r.gateway())).orElse(null);
        if (regie == null || regie.shaOut().isEmpty()) {
            return CallbackVerdict.rejected("the payment's régie has no Ogone SHA-OUT");
        }
        if (!OgoneSha.same(OgoneSha.sign(params, OgoneSha.OUT, regie.shaOut().get(), regie.shaAlgorithm()),
                params.get("SHASIGN"))) {
            return CallbackVerdict.rejected("bad or missing SHASIGN (SHA-OUT of the payment's régie)");
        }
        String pspid = params.get("PSPID");
        if (pspid != null && !regie.pspid().map(pspid::equals).orElse(false)) {
            return CallbackVerdict.rejected("PSPID is not the régie's");
        }
        return CallbackVerdict.signed(params.get("ORDERID"), status(params.get("STATUS")),
                mismatch(payment, minorUnits(params.get("AMOUNT"), payment.currency), params.get("CURRENCY")));
    }

    /** Ogone's AMOUNT in a result is decimal ("15", "15.5", "15.50"): in minor units, or null if unreadable. */
    static Long minorUnits(String decimal, String currency) {
        if (decimal == null || !decimal.matches("\\d{1,12}(\\.\\d{1,3})?")) {
            return null;
        }
        try {
            int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
            return new java.math.BigDecimal(decimal).movePointRight(digits).longValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;   // an unknown currency, or more decimals than it has
        }
    }

    @Override
    public Uni<GatewayStatus> lookup(Payment payment) {
        return orUnknown(query(payment).map(attrs -> {
            if ("50001130".equals(attrs.get("NCERROR"))) {
                return GatewayStatus.OPEN;          // Ogone has not seen the order: the citizen never posted it
            }
            return "0".equals(attrs.get("NCERROR")) ? status(attrs.get("STATUS")) : GatewayStatus.UNKNOWN;
        }), payment);
    }

    @Override
    public Uni<String> refund(Payment payment, long amount, String refundReference) {
        PaymentConfig.Regie regie = config.requireRegie(payment.regie);
        return query(payment).flatMap(attrs -> {
            Map<String, String> fields = new LinkedHashMap<>(api(regie));
            fields.put("PAYID", attrs.getOrDefault("PAYID", ""));
            fields.put("AMOUNT", Long.toString(amount));
            fields.put("OPERATION", amount == payment.refundable() ? "RFS" : "RFD");
            fields.put("SHASIGN", OgoneSha.sign(fields, OgoneSha.IN, required(regie.shaIn(), "sha-in"), regie.shaAlgorithm()));
            return post("/maintenancedirect.asp", fields);
        }).map(attrs -> {
            String status = attrs.getOrDefault("STATUS", "");
            if (!(status.equals("8") || status.equals("81") || status.equals("82"))) {
                throw refused("answered STATUS " + status + " NCERROR " + attrs.get("NCERROR"));
            }
            return attrs.get("PAYID") + "/" + attrs.getOrDefault("PAYIDSUB", "0");
        });
    }

    /** Ogone's STATUS in our terms (docs/gateways.md); refund statuses mean the payment was paid. */
    static GatewayStatus status(String status) {
        if (status == null) {
            return GatewayStatus.UNKNOWN;
        }
        return switch (status) {
            case "9", "8", "81", "82", "83", "84" -> GatewayStatus.PAID;
            case "5", "4", "41", "51", "55", "91" -> GatewayStatus.PENDING;
            case "0", "2", "93" -> GatewayStatus.FAILED;
            case "1", "6", "7", "74" -> GatewayStatus.CANCELLED;
            default -> GatewayStatus.UNKNOWN;      // 52, 92: uncertain, reconcile
        };
    }

    private Uni<Map<String, String>> query(Payment payment) {
        Map<String, String> fields = new LinkedHashMap<>(api(config.requireRegie(payment.regie)));
        fields.put("ORDERID", payment.gatewayRef);
        return post("/querydirect.asp", fields);
    }

    private Uni<Map<String, String>> post(String path, Map<String, String> fields) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        fields.forEach(form::add);
        return client.postAbs(config.ogone().baseUrl() + path).timeout(TIMEOUT_MS).sendForm(form)
                .map(response -> {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    Matcher m = ATTRIBUTE.matcher(response.bodyAsString(StandardCharsets.ISO_8859_1.name()));
                    while (m.find()) {
                        attrs.put(m.group(1).toUpperCase(Locale.ROOT), m.group(2));
                    }
                    return attrs;
                });
    }

    private Map<String, String> api(PaymentConfig.Regie regie) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("PSPID", required(regie.pspid(), "pspid"));
        fields.put("USERID", required(regie.userId(), "user-id"));
        fields.put("PSWD", required(regie.password(), "password"));
        return fields;
    }

    private static String language(String language) {
        if (language == null) {
            return "fr_BE";
        }
        return switch (language) {
            case "nl" -> "nl_BE";
            case "cs" -> "cs_CZ";
            case "en" -> "en_US";
            default -> "fr_BE";
        };
    }
}
