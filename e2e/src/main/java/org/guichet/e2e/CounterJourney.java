package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.DevTokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The counter, over HTTP against a running suite (R4, R7, R24, the PartnerNet seed): an agent finds
 * the patron by name with a wildcard, takes cash for part of the balance (tendered, change, receipt
 * number), billing applies it oldest bill first; then refunds go back through the original payment —
 * paid out at the counter for cash, through the gateway for the journey's online payment.
 */
public final class CounterJourney {
    static final String TENANT = Journey.TENANT;

    private final SuiteUrls urls;
    private final Consumer<String> out;

    public CounterJourney(SuiteUrls urls, Consumer<String> out) {
        this.urls = urls;
        this.out = out;
    }

    public void run(Journey.Result online) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String patron = "counter-" + suffix;
        String agent = DevTokens.mint("agent-7", TENANT, "agent");

        // C1 the patron's account and three bills; the agent finds them by a part of the name
        Journey.expect(Http.postJson(urls.billing() + "/accounts", agent, Map.of("accountId", patron,
                "name", "Locations Řichard " + suffix, "city", "Kladno"), Map.of()), 200, "register account");
        String[] bills = new String[3];
        long[] amounts = {1000, 500, 2000};
        for (int i = 0; i < 3; i++) {
            bills[i] = Journey.expect(Http.postJson(urls.billing() + "/invoices", agent, Map.of("accountId", patron,
                    "amount", amounts[i], "currency", "CZK", "reason", "MANUAL"), Map.of()), 201, "bill").json()
                    .path("id").asText();
        }
        JsonNode found = Journey.expect(Http.get(urls.billing() + "/accounts?name=" + "*richard%20" + suffix + "*",
                agent), 200, "account search").json();
        if (found.size() != 1 || !found.path(0).path("accountId").asText().equals(patron)) {
            throw new JourneyFailure("the search *richard " + suffix + "* did not find exactly " + patron + ": " + found);
        }
        step("C1 billing  %s found by *richard %s*; bills 10.00, 5.00, 20.00 CZK", patron, suffix);

        // C2 cash for part of the balance, with what was tendered; the same key replays the receipt
        String key = UUID.randomUUID().toString();
        Map<String, Object> cash = new LinkedHashMap<>(Map.of("accountId", patron, "amount", 1200, "mode", "CASH",
                "tendered", 2000));
        JsonNode receipt = Journey.expect(Http.postJson(urls.payment() + "/counter-payments", agent, cash,
                Map.of("Idempotency-Key", key)), 201, "counter payment").json();
        JsonNode again = Journey.expect(Http.postJson(urls.payment() + "/counter-payments", agent, cash,
                Map.of("Idempotency-Key", key)), 201, "counter payment replay").json();
        if (receipt.path("change").asLong() != 800 || !receipt.equals(again)) {
            throw new JourneyFailure("wrong change or a second receipt: " + receipt + " / " + again);
        }
        Map<String, Object> negative = new LinkedHashMap<>(cash);
        negative.put("amount", -100);
        Journey.expectProblem(Http.postJson(urls.payment() + "/counter-payments", agent, negative,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400, "negative amount");
        Map<String, Object> tooMuch = new LinkedHashMap<>(cash);
        tooMuch.put("amount", 3501);   // more than all three bills, whether or not billing applied the cash yet
        tooMuch.put("tendered", 5000);
        Journey.expectProblem(Http.postJson(urls.payment() + "/counter-payments", agent, tooMuch,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400, "more than the balance");
        Journey.expectProblem(Http.postJson(urls.payment() + "/counter-payments", agent, Map.of("accountId", patron,
                        "amount", 100, "mode", "CHEQUE"), Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400,
                "a cheque without its details");
        String receiptNumber = receipt.path("receiptNumber").asText();
        step("C2 payment  cash 12.00 CZK, tendered 20.00, change %d.%02d CZK; receipt %s (replayed: same); refused: negative, "
                + "over the balance, cheque without details", receipt.path("change").asLong() / 100, receipt.path("change").asLong() % 100,
                receiptNumber);

        // C3 billing applied it oldest first, each bill in full where possible (R3)
        Journey.await("billing applies the counter payment", () -> {
            JsonNode first = Journey.expect(Http.get(urls.billing() + "/invoices/" + bills[0], agent), 200, "bill").json();
            return first.path("state").asText().equals("PAID") ? first : null;
        });
        JsonNode second = Journey.expect(Http.get(urls.billing() + "/invoices/" + bills[1], agent), 200, "bill").json();
        JsonNode third = Journey.expect(Http.get(urls.billing() + "/invoices/" + bills[2], agent), 200, "bill").json();
        if (second.path("paid").asLong() != 200 || third.path("paid").asLong() != 0) {
            throw new JourneyFailure("not oldest first: " + second + " / " + third);
        }
        step("C3 billing  oldest first: 10.00 PAID, 5.00 paid 2.00, 20.00 untouched");

        // C4 the cash-paid bill is refunded through its payment: paid out at the counter
        Journey.expect(Http.postJson(urls.billing() + "/invoices/" + bills[0] + "/refunds", agent,
                Map.of("destination", "ORIGINAL", "reason", "billed twice"), Map.of()), 202, "refund request");
        JsonNode cashRefund = Journey.await("billing records the cash refund", () -> refundIn(bills[0], agent));
        JsonNode cashPayment = Journey.expect(Http.get(urls.payment() + "/payments/" + receipt.path("paymentId").asText(),
                agent), 200, "payment").json();
        step("C4 refund   bill 1 refunded by %s (%s), payment %s", cashRefund.path("paymentMode").asText(),
                cashRefund.path("reference").asText(), cashPayment.path("state").asText());

        // C5 the journey's online payment is refunded through the gateway
        Journey.expect(Http.postJson(urls.billing() + "/invoices/" + online.invoiceId() + "/refunds", agent,
                Map.of("destination", "ORIGINAL", "reason", "item was never lent"), Map.of()), 202, "online refund request");
        JsonNode onlineRefund = Journey.await("billing records the gateway refund", () -> refundIn(online.invoiceId(), agent));
        JsonNode onlinePayment = Journey.await("the online payment is REFUNDED", () -> {
            JsonNode p = Journey.expect(Http.get(urls.payment() + "/payments/" + online.paymentId(), agent), 200,
                    "payment").json();
            return p.path("state").asText().equals("REFUNDED") ? p : null;
        });
        step("C5 refund   %s refunded by %s; payment %s", online.reference(), onlineRefund.path("paymentMode").asText(),
                onlinePayment.path("state").asText());

        // C6 a library of the same group takes payment for another's bill where that one allows it (R10)
        String slanyAgent = DevTokens.mint("agent-s", "lib-slany", "agent");
        String namurAgent = DevTokens.mint("agent-n", "ville-namur", "agent");
        String reader = "slany-" + suffix;
        String slanyBill = Journey.expect(Http.postJson(urls.billing() + "/invoices", slanyAgent, Map.of("accountId", reader,
                "amount", 700, "currency", "CZK", "reason", "DAMAGE"), Map.of()), 201, "Slaný bill").json().path("id").asText();
        Map<String, Object> forSlany = Map.of("accountId", reader, "institution", "lib-slany", "amount", 700,
                "mode", "CHEQUE", "cheque", Map.of("number", "0004521", "bank", "ČSOB"));
        Journey.expectProblem(Http.postJson(urls.payment() + "/counter-payments", namurAgent, forSlany,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 404, "an institution outside the group");
        JsonNode cheque = Journey.expect(Http.postJson(urls.payment() + "/counter-payments", agent, forSlany,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "payment for another library").json();
        Journey.await("Slaný's bill is paid", () -> {
            JsonNode b = Journey.expect(Http.get(urls.billing() + "/invoices/" + slanyBill, slanyAgent), 200, "bill").json();
            return b.path("state").asText().equals("PAID") ? b : null;
        });
        step("C6 group    Kladno took a cheque for Slaný's bill (receipt %s); Namur may not (404)",
                cheque.path("receiptNumber").asText());

        // C7 a cash deposit on the patron's prepaid credit (R14), with its printable receipt (R12)
        JsonNode deposit = Journey.expect(Http.postJson(urls.payment() + "/counter-payments", agent, Map.of("accountId",
                patron, "amount", 300, "mode", "CASH", "tendered", 300, "deposit", true),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "counter deposit").json();
        Journey.await("billing puts the deposit on the credit", () -> creditOf(patron, agent) == 300 ? 300L : null);
        Http.Reply pdf = Journey.expect(Http.get(urls.payment() + "/payments/" + deposit.path("paymentId").asText()
                + "/receipt", agent), 200, "receipt PDF");
        if (!pdf.body().startsWith("%PDF")) {
            throw new JourneyFailure("the receipt is not a PDF: " + pdf.body().substring(0, Math.min(40, pdf.body().length())));
        }
        step("C7 credit   cash deposit 3.00 CZK on %s's credit; receipt %s printed as PDF", patron,
                deposit.path("receiptNumber").asText());

        // C8 the patron tops up the credit online, through the same engine (payment order, gateway, PaymentSettled)
        String citizen = DevTokens.mint(patron, TENANT, "citizen");
        JsonNode online8 = Journey.expect(Http.postJson(urls.payment() + "/deposits", citizen, Map.of("amount", 500),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "online deposit").json();
        String page = Journey.expect(Http.postJson(urls.payment() + "/payments/" + online8.path("id").asText() + "/start",
                citizen, "", Map.of()), 200, "start deposit").json().path("checkoutUrl").asText();
        Http.Reply decided = Http.postForm(page, "decision=pay");
        if (decided.status() != 303) {
            throw new JourneyFailure("the hosted page answered " + decided.status());
        }
        Journey.await("billing puts the online deposit on the credit", () -> creditOf(patron, agent) == 800 ? 800L : null);
        step("C8 credit   online deposit 5.00 CZK through the sandbox (%s): credit 8.00 CZK", online8.path("reference").asText());
    }

    private long creditOf(String account, String token) {
        return Journey.expect(Http.get(urls.billing() + "/accounts/" + account + "/summary", token), 200, "summary")
                .json().path("credit").asLong();
    }

    private JsonNode refundIn(String invoiceId, String token) {
        for (JsonNode h : Journey.expect(Http.get(urls.billing() + "/invoices/" + invoiceId + "/history", token), 200,
                "history").json()) {
            if (h.path("action").asText().equals("REFUND")) {
                return h;
            }
        }
        return null;
    }

    private void step(String format, Object... args) {
        out.accept(String.format(format, args));
    }
}
