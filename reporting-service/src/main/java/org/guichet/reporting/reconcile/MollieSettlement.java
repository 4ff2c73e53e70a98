package org.guichet.reporting.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.events.EventJson;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.money.Money;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Mollie settlement report as its Settlements API gives it: {@code settlement} is the answer of
 * {@code GET /v2/settlements/{id}} (id {@code stl_…}, the bank-transfer reference such as
 * {@code 1182161.1506.02}, the paid-out amount as a decimal string, {@code settledAt}) and {@code payments}
 * the answer of {@code GET /v2/settlements/{id}/payments} (HAL: {@code _embedded.payments}, each
 * {@code tr_…} with its amount). Anything else is a 400 naming what is wrong.
 */
public final class MollieSettlement {
    private static final Pattern SETTLEMENT_ID = Pattern.compile("^stl_[A-Za-z0-9]{4,32}$");
    private static final Pattern PAYMENT_ID = Pattern.compile("^tr_[A-Za-z0-9]{4,32}$");

    public record Report(String id, String reference, long amount, String currency, Instant settledAt,
                         List<Payment> payments) {
    }

    public record Payment(String id, long amount, String currency) {
    }

    private MollieSettlement() {
    }

    public static Report read(String json) {
        JsonNode root;
        try {
            root = EventJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw Problems.invalid("Not JSON", new FieldError("body", "a Mollie settlement report (JSON)"));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode s = root == null ? null : root.path("settlement");
        if (s == null || !s.path("resource").asText().equals("settlement")
                || !SETTLEMENT_ID.matcher(s.path("id").asText()).matches()) {
            throw Problems.invalid("Not a Mollie settlement report",
                    new FieldError("settlement", "the answer of GET /v2/settlements/{id} (resource settlement, id stl_…)"));
        }
        Money total = amount(s.path("amount"), "settlement.amount", errors);
        Instant settledAt = null;
        if (s.hasNonNull("settledAt")) {
            try {
                settledAt = Instant.parse(s.path("settledAt").asText());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("settlement.settledAt", "an ISO 8601 instant"));
            }
        }
        JsonNode listed = root.path("payments").path("_embedded").path("payments");
        if (!listed.isArray()) {
            errors.add(new FieldError("payments", "the answer of GET /v2/settlements/{id}/payments (_embedded.payments)"));
        }
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; listed.isArray() && i < listed.size(); i++) {
            JsonNode p = listed.get(i);
            String field = "payments._embedded.payments[" + i + "]";
            if (!PAYMENT_ID.matcher(p.path("id").asText()).matches()) {
                errors.add(new FieldError(field + ".id", "a Mollie payment id tr_…"));
                continue;
            }
            Money amount = amount(p.path("amount"), field + ".amount", errors);
            if (amount != null) {
                payments.add(new Payment(p.path("id").asText(), amount.minor(), amount.currency()));
            }
        }
        if (!errors.isEmpty() || total == null) {
            throw Problems.invalid("The settlement report is not valid", errors);
        }
        return new Report(s.path("id").asText(), s.path("reference").asText(null), total.minor(), total.currency(),
                settledAt, payments);
    }

    /** Mollie's amount object: {@code {"currency": "EUR", "value": "18.42"}}. */
    private static Money amount(JsonNode amount, String field, List<FieldError> errors) {
        try {
            Money money = Money.parse(amount.path("value").asText(), amount.path("currency").asText());
            if (money.minor() >= 0 && amount.path("value").isTextual()) {
                return money;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        errors.add(new FieldError(field, "{\"currency\": \"EUR\", \"value\": \"12.00\"}"));
        return null;
    }
}
