package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.events.EventType;
import org.guichet.testing.DevTokens;
import org.guichet.testing.TestRows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;


/**
 * The money invariants, checked across the services' own data once the suite is quiet: billing's bills,
 * history and credit; payment-service's payments and refunds and what each gateway itself holds;
 * reporting's read model and totals; cart's view of the payments; and the topics read from the start.
 * Each check lists its violations; the first names the account, payment or régie it is about.
 */
final class MoneyChecks {
    static final Set<String> SETTLED = Set.of("SETTLED", "PARTIALLY_REFUNDED", "REFUNDED");
    static final Set<String> BILLING_LINES = Set.of("INVOICE", "ACCOUNT", "DEPOSIT");
    static final Set<String> BILLING_TENANTS = Set.of("lib-kladno", "lib-slany", "ville-namur");

    /** One check: how many things it looked at and what it found wrong. */
    record Check(String name, long examined, List<String> violations) {
    }

    private final SuiteData suite;
    private final SuiteUrls urls;
    private final GatewayDesk gateways;
    private final List<String> accounts;
    private final List<Check> checks = new ArrayList<>();
    /** Money in minor units per régie and currency, for the summary. */
    private final Map<String, long[]> perRegie = new TreeMap<>();
    private final Map<String, Long> billingTotals = new LinkedHashMap<>();

    MoneyChecks(SuiteData suite, SuiteUrls urls, GatewayDesk gateways, List<String> accounts) {
        this.suite = suite;
        this.urls = urls;
        this.gateways = gateways;
        this.accounts = accounts;
    }

    List<Check> run() {
        billing();
        List<Map<String, Object>> payments = db("payment").all("select cast(id as text) id, tenant, owner, regie, "
                + "reference, amount, currency, state, gateway, gateway_ref, mode, refunded, lines, receipt_number, "
                + "flag from payment where owner = any(?) order by created_at", accounts);
        paymentsAppliedOnce(payments);
        refundsAgree();
        paymentStates(payments);
        moneyPerRegie(payments);
        reportingTotals();
        cartAgrees(payments);
        topics(payments);
        return checks;
    }

    // --- billing ---------------------------------------------------------------------------------

    private void billing() {
        List<Map<String, Object>> bills = db("billing").all("select cast(i.id as text) id, i.number, i.tenant, "
                + "i.account_id, i.state, i.amount, i.paid, i.waived, i.refunded, "
                + "coalesce(h.paid, 0) history_paid, coalesce(h.waived, 0) history_waived, coalesce(h.cancels, 0) cancels "
                + "from invoice i left join (select invoice_id, sum(amount) filter (where action = 'PAYMENT') paid, "
                + "sum(amount) filter (where action = 'WAIVE') waived, count(*) filter (where action = 'CANCEL') cancels "
                + "from invoice_history group by invoice_id) h on h.invoice_id = i.id where i.account_id = any(?) "
                + "order by i.account_id, i.created_at", accounts);
        List<String> perBill = new ArrayList<>();
        Map<String, long[]> perAccount = new LinkedHashMap<>();
        for (Map<String, Object> b : bills) {
            String what = "bill " + str(b, "number") + " of " + str(b, "account_id") + " (" + str(b, "state") + ")";
            long amount = num(b, "amount");
            long paid = num(b, "paid");
            long waived = num(b, "waived");
            long refunded = num(b, "refunded");
            long outstanding = amount - paid - waived;
            String state = str(b, "state");
            if (paid != num(b, "history_paid")) {
                perBill.add(what + ": paid " + paid + " but its history's payments sum to " + num(b, "history_paid"));
            }
            if (waived != num(b, "history_waived")) {
                perBill.add(what + ": waived " + waived + " but its history's waives sum to " + num(b, "history_waived"));
            }
            if (outstanding < 0 || paid < 0 || waived < 0) {
                perBill.add(what + ": negative money: amount " + amount + ", paid " + paid + ", waived " + waived);
            }
            if (refunded < 0 || refunded > paid) {
                perBill.add(what + ": refunded " + refunded + " of " + paid + " paid");
            }
            boolean consistent = switch (state) {
                case "OPEN" -> paid == 0 && waived == 0;
                case "PARTIALLY_PAID" -> paid + waived > 0 && outstanding > 0;
                case "PAID" -> outstanding == 0 && paid > 0;
                case "WAIVED" -> outstanding == 0 && paid == 0;
                case "CANCELLED" -> paid == 0 && waived == 0 && num(b, "cancels") == 1;
                default -> false;
            };
            if (!consistent) {
                perBill.add(what + ": state does not match amount " + amount + ", paid " + paid + ", waived " + waived
                        + ", cancel entries " + num(b, "cancels"));
            }
            long[] a = perAccount.computeIfAbsent(str(b, "tenant") + "/" + str(b, "account_id"), k -> new long[5]);
            a[0] += amount;
            a[1] += num(b, "history_paid");
            a[2] += num(b, "history_waived");
            a[3] += state.equals("CANCELLED") ? amount : 0;
            a[4] += state.equals("CANCELLED") ? 0 : outstanding;
        }
        check("every bill: paid and waived are its history's, state follows the money, refunded within paid",
                bills.size(), perBill);

        List<String> equation = new ArrayList<>();
        long[] sums = new long[5];
        perAccount.forEach((account, a) -> {
            for (int i = 0; i < 5; i++) {
                sums[i] += a[i];
            }
            if (a[0] != a[1] + a[2] + a[3] + a[4] || a[4] < 0) {
                equation.add(account + ": bills " + a[0] + " ≠ paid " + a[1] + " + waived " + a[2] + " + cancelled " + a[3]
                        + " + outstanding " + a[4]);
            }
        });
        check("per account: bills = paid + waived + cancelled + outstanding", perAccount.size(), equation);
        billingTotals.put("billed", sums[0]);
        billingTotals.put("paid", sums[1]);
        billingTotals.put("waived", sums[2]);
        billingTotals.put("cancelled", sums[3]);
        billingTotals.put("outstanding", sums[4]);

        List<Map<String, Object>> credits = db("billing").all("select c.tenant, c.account_id, c.balance, "
                + "coalesce(sum(case when m.kind in ('DEPOSIT', 'OVERPAYMENT', 'REFUND') then m.amount "
                + "when m.kind in ('USE', 'REFUNDED') then -m.amount end), 0) ledger, "
                + "count(*) filter (where m.kind not in ('DEPOSIT', 'OVERPAYMENT', 'REFUND', 'USE', 'REFUNDED')) odd, "
                + "coalesce(sum(m.amount) filter (where m.kind = 'USE'), 0) used "
                + "from account_credit c left join credit_movement m on m.tenant = c.tenant and m.account_id = c.account_id "
                + "where c.account_id = any(?) group by 1, 2, 3 order by 2", accounts);
        Map<String, Long> paidFromCredit = new HashMap<>();
        db("billing").all("select i.tenant, i.account_id, sum(h.amount) s from invoice_history h join invoice i on i.id = "
                        + "h.invoice_id where h.action = 'PAYMENT' and h.payment_mode = 'CREDIT' and i.account_id = any(?) "
                        + "group by 1, 2", accounts)
                .forEach(r -> paidFromCredit.put(str(r, "tenant") + "/" + str(r, "account_id"), num(r, "s")));
        List<String> creditViolations = new ArrayList<>();
        long creditHeld = 0;
        for (Map<String, Object> c : credits) {
            String account = str(c, "tenant") + "/" + str(c, "account_id");
            creditHeld += num(c, "balance");
            if (num(c, "balance") < 0 || num(c, "balance") != num(c, "ledger") || num(c, "odd") > 0) {
                creditViolations.add(account + ": credit " + num(c, "balance") + " but its movements sum to "
                        + num(c, "ledger") + (num(c, "odd") > 0 ? " (with movements of unknown kind)" : ""));
            }
            if (num(c, "used") != paidFromCredit.getOrDefault(account, 0L)) {
                creditViolations.add(account + ": " + num(c, "used") + " of credit used but bills paid from credit "
                        + paidFromCredit.getOrDefault(account, 0L));
            }
        }
        check("per account: credit = its movements, never negative; credit used = bills paid from credit",
                credits.size(), creditViolations);
        billingTotals.put("credit held", creditHeld);
    }

    // --- billing ⇄ payment-service ----------------------------------------------------------------

    /** Each settled payment's money reached billing once: its bills paid and its surplus or deposit on credit. */
    private void paymentsAppliedOnce(List<Map<String, Object>> payments) {
        List<String> ids = payments.stream().map(p -> str(p, "id")).toList();
        List<String> references = payments.stream().map(p -> str(p, "reference")).toList();
        Map<String, Long> toBills = sums(db("billing").all("select payment_id k, sum(amount) s from invoice_history "
                + "where action = 'PAYMENT' and payment_id = any(?) group by 1", ids));
        Map<String, Long> toCredit = sums(db("billing").all("select reference k, sum(amount) s from credit_movement "
                + "where kind in ('DEPOSIT', 'OVERPAYMENT') and reference = any(?) group by 1", references));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> p : payments) {
            long owedToBilling = 0;
            for (JsonNode line : lines(p)) {
                if (BILLING_LINES.contains(line.path("kind").asText()) && BILLING_TENANTS.contains(line.path("tenant").asText())) {
                    owedToBilling += line.path("amount").asLong();
                }
            }
            long applied = toBills.getOrDefault(str(p, "id"), 0L) + toCredit.getOrDefault(str(p, "reference"), 0L);
            long expected = SETTLED.contains(str(p, "state")) ? owedToBilling : 0;
            if (applied != expected) {
                violations.add(describe(p) + ": billing applied " + applied + " (bills " + toBills.getOrDefault(str(p, "id"), 0L)
                        + ", credit " + toCredit.getOrDefault(str(p, "reference"), 0L) + "), expected " + expected);
            }
        }
        db("billing").all("select payment_id, cast(invoice_id as text) invoice_id, count(*) n from invoice_history "
                        + "where action = 'PAYMENT' and payment_id = any(?) group by 1, 2 having count(*) > 1", ids)
                .forEach(r -> violations.add("payment " + str(r, "payment_id") + " paid bill " + str(r, "invoice_id") + " "
                        + num(r, "n") + " times"));
        check("billing's applied payments = payment-service's settled payments (each once, nothing for the others)",
                payments.size(), violations);
    }

    /** A refund billing asked for was made once by payment-service, for its amount; one refused is released. */
    private void refundsAgree() {
        List<Map<String, Object>> refunds = db("billing").all("select cast(id as text) id, account_id, amount, "
                + "destination, state, payment_id from refund where account_id = any(?)", accounts);
        List<String> ids = refunds.stream().map(r -> str(r, "id")).toList();
        Map<String, Map<String, Object>> made = index(db("payment").all("select billing_refund_id, cast(payment_id as "
                + "text) payment_id, sum(amount) amount, count(*) n from payment_refund where billing_refund_id = any(?) "
                + "group by 1, 2", ids), "billing_refund_id");
        Map<String, Map<String, Object>> manual = index(db("payment").all("select refund_id, state, amount from "
                + "manual_refund where refund_id = any(?)", ids), "refund_id");
        Map<String, Long> toCredit = sums(db("billing").all("select reference k, sum(amount) s from credit_movement "
                + "where kind = 'REFUND' and reference = any(?) group by 1", ids));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> r : refunds) {
            String what = "refund " + str(r, "id") + " of " + str(r, "account_id") + " (" + str(r, "destination") + ", "
                    + str(r, "state") + ", " + num(r, "amount") + ")";
            Map<String, Object> m = made.get(str(r, "id"));
            Map<String, Object> transfer = manual.get(str(r, "id"));
            if (str(r, "destination").equals("CREDIT")) {
                if (!str(r, "state").equals("ISSUED") || toCredit.getOrDefault(str(r, "id"), 0L) != num(r, "amount")) {
                    violations.add(what + ": credit got " + toCredit.getOrDefault(str(r, "id"), 0L));
                }
                continue;
            }
            switch (str(r, "state")) {
                case "ISSUED" -> {
                    boolean byGateway = m != null && num(m, "n") == 1 && num(m, "amount") == num(r, "amount")
                            && str(m, "payment_id").equals(str(r, "payment_id"));
                    boolean byTransfer = m == null && transfer != null && str(transfer, "state").equals("EXECUTED");
                    if (!byGateway && !byTransfer) {
                        violations.add(what + ": payment-service refunded " + (m == null ? "nothing" : m));
                    }
                }
                case "FAILED" -> {
                    if (m != null || (transfer != null && !str(transfer, "state").equals("CANCELLED"))) {
                        violations.add(what + ": failed in billing, yet payment-service refunded " + (m != null ? m : transfer));
                    }
                }
                case "REQUESTED" -> {
                    if (m != null || transfer == null) {
                        violations.add(what + ": still requested once the suite is quiet; payment-service has "
                                + (m != null ? m : "no refund of it"));
                    }
                }
                default -> violations.add(what + ": unknown state");
            }
        }
        check("billing's refunds = payment-service's refunds (one each, same amount; a failed one released)",
                refunds.size(), violations);
    }

    // --- payment-service, the gateways, reporting --------------------------------------------------

    private void paymentStates(List<Map<String, Object>> payments) {
        List<String> ids = payments.stream().map(p -> str(p, "id")).toList();
        Map<String, Long> refunded = sums(db("payment").all("select cast(payment_id as text) k, sum(amount) s from "
                + "payment_refund where cast(payment_id as text) = any(?) group by 1", ids));
        Map<String, Long> reserved = sums(db("payment").all("select cast(payment_id as text) k, sum(amount) s from "
                + "manual_refund where state <> 'CANCELLED' and cast(payment_id as text) = any(?) group by 1", ids));
        Map<String, Long> settlements = sums(db("payment").all("select cast(payment_id as text) k, count(*) s from "
                + "payment_transition where to_state = 'SETTLED' and cast(payment_id as text) = any(?) group by 1", ids));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> p : payments) {
            String what = describe(p);
            String id = str(p, "id");
            long amount = num(p, "amount");
            long back = num(p, "refunded");
            boolean settled = SETTLED.contains(str(p, "state"));
            if (back < 0 || back > amount) {
                violations.add(what + ": refunded " + back + " of " + amount);
            }
            long made = refunded.getOrDefault(id, 0L) + reserved.getOrDefault(id, 0L);
            if (back != made) {
                violations.add(what + ": refunded " + back + " but its refunds sum to " + made);
            }
            if (settled != (settlements.getOrDefault(id, 0L) == 1) || settlements.getOrDefault(id, 0L) > 1) {
                violations.add(what + ": " + settlements.getOrDefault(id, 0L) + " transitions to SETTLED");
            }
            if (settled == (str(p, "receipt_number") == null)) {
                violations.add(what + ": receipt number " + str(p, "receipt_number"));
            }
            boolean stateFits = switch (str(p, "state")) {
                case "SETTLED" -> refunded.getOrDefault(id, 0L) == 0;
                case "PARTIALLY_REFUNDED" -> refunded.getOrDefault(id, 0L) > 0 && back < amount;
                case "REFUNDED" -> back == amount;
                default -> back == 0;
            };
            if (!stateFits) {
                violations.add(what + ": state does not fit refunded " + back + " of " + amount);
            }
        }
        check("every payment: refunded within its amount and = its refunds; one settlement and a receipt when settled",
                payments.size(), violations);
    }

    /**
     * Per régie: payments settled − refunds issued (payment-service) = money the gateways kept (each gateway
     * asked about each payment) = the read model's settled totals less its refunds (reporting).
     */
    private void moneyPerRegie(List<Map<String, Object>> payments) {
        List<String> ids = payments.stream().map(p -> str(p, "id")).toList();
        Map<String, Long> issued = sums(db("payment").all("select cast(payment_id as text) k, sum(amount) s from "
                + "(select payment_id, amount from payment_refund union all select payment_id, amount from manual_refund "
                + "where state = 'EXECUTED') r where cast(payment_id as text) = any(?) group by 1", ids));
        Map<String, Long> byTransfer = sums(db("payment").all("select cast(payment_id as text) k, sum(amount) s from "
                + "manual_refund where state = 'EXECUTED' and cast(payment_id as text) = any(?) group by 1", ids));
        Map<String, Map<String, Object>> records = index(db("reporting").all("select cast(payment_id as text) id, status, "
                + "total, refunded, regie from transaction_record where cast(payment_id as text) = any(?)", ids), "id");
        List<String> perPayment = new ArrayList<>();
        for (Map<String, Object> p : payments) {
            String id = str(p, "id");
            String what = describe(p);
            boolean settled = SETTLED.contains(str(p, "state"));
            long received = settled ? num(p, "amount") - issued.getOrDefault(id, 0L) : 0;
            long kept;
            if (str(p, "gateway").equals("counter")) {
                kept = received; // cash and cheques: the drawer is payment-service's own record
            } else if (str(p, "gateway_ref") == null) {
                kept = 0; // never started: no gateway ever saw it
            } else {
                GatewayDesk.Truth truth = gateways.truth(str(p, "gateway"), str(p, "gateway_ref"));
                kept = truth.kept() - byTransfer.getOrDefault(id, 0L);
                if (truth.paid() != settled) {
                    perPayment.add(what + ": the gateway says " + truth.status() + ", payment-service " + str(p, "state"));
                }
            }
            Map<String, Object> rec = records.get(id);
            long reported = rec != null && str(rec, "status").equals("SETTLED") ? num(rec, "total") - num(rec, "refunded") : 0;
            if (rec != null && num(rec, "refunded") > num(rec, "total")) {
                perPayment.add(what + ": reporting shows " + num(rec, "refunded") + " refunded of " + num(rec, "total"));
            }
            if (settled && (rec == null || !str(rec, "status").equals("SETTLED") || num(rec, "total") != num(p, "amount"))) {
                perPayment.add(what + ": reporting has " + rec);
            }
            if (received != kept || received != reported) {
                perPayment.add(what + ": received " + received + " (payment-service), " + kept + " (gateway), "
                        + reported + " (reporting)");
            }
            long[] regie = perRegie.computeIfAbsent(str(p, "regie") + " " + str(p, "currency"), k -> new long[5]);
            regie[0] += settled ? num(p, "amount") : 0;
            regie[1] += settled ? issued.getOrDefault(id, 0L) : 0;
            regie[2] += received;
            regie[3] += kept;
            regie[4] += reported;
        }
        check("per payment: received (payment-service) = kept (its gateway) = settled less refunded (reporting)",
                payments.size(), perPayment);
        List<String> perRegieViolations = new ArrayList<>();
        perRegie.forEach((regie, m) -> {
            if (m[0] - m[1] != m[2] || m[2] != m[3] || m[2] != m[4] || m[2] < 0) {
                perRegieViolations.add("régie " + regie + ": settled " + m[0] + " − refunds " + m[1] + " = " + (m[0] - m[1])
                        + ", received " + m[2] + ", kept at the gateway " + m[3] + ", reporting " + m[4]);
            }
        });
        check("per régie: payments settled − refunds = money received = gateway = reporting", perRegie.size(),
                perRegieViolations);
    }

    /** Reporting's totals endpoint, per institution and régie, equals payment-service's settled payments (all of them). */
    private void reportingTotals() {
        Map<String, long[]> expected = new TreeMap<>();
        for (Map<String, Object> r : db("payment").all("select tenant, regie, currency, count(*) n, sum(amount) s from "
                + "payment where state in ('SETTLED', 'PARTIALLY_REFUNDED', 'REFUNDED') group by 1, 2, 3")) {
            expected.put(str(r, "tenant") + " " + str(r, "regie") + " " + str(r, "currency").trim(),
                    new long[]{num(r, "n"), num(r, "s")});
        }
        Map<String, long[]> reported = new TreeMap<>();
        for (String tenant : expected.keySet().stream().map(k -> k.split(" ")[0]).collect(Collectors.toCollection(
                java.util.TreeSet::new))) {
            Http.Reply r = Http.get(urls.reporting() + "/transactions/totals?by=regie", DevTokens.mint("inv-finance",
                    tenant, "finance"));
            if (r.status() != 200) {
                check("reporting totals of " + tenant, 1, List.of("GET /transactions/totals answered " + r.status() + " "
                        + r.body()));
                continue;
            }
            for (JsonNode t : r.json()) {
                reported.put(tenant + " " + t.path("key").asText() + " " + t.path("currency").asText().trim(),
                        new long[]{t.path("count").asLong(), t.path("total").asLong()});
            }
        }
        List<String> violations = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(reported.keySet());
        for (String key : keys) {
            long[] e = expected.getOrDefault(key, new long[2]);
            long[] r = reported.getOrDefault(key, new long[2]);
            if (e[0] != r[0] || e[1] != r[1]) {
                violations.add(key + ": payment-service settled " + e[0] + " payments for " + e[1] + ", reporting's totals "
                        + r[0] + " for " + r[1]);
            }
        }
        long refundsPaid = db("payment").scalar("select coalesce(sum(amount), 0) from (select amount from payment_refund "
                + "union all select amount from manual_refund where state = 'EXECUTED') r");
        long refundsReported = db("reporting").scalar("select coalesce(sum(refunded), 0) from transaction_record");
        if (refundsPaid != refundsReported) {
            violations.add("all régies: payment-service issued " + refundsPaid + " of refunds, reporting shows " + refundsReported);
        }
        check("reporting's totals endpoint = payment-service's settled payments, per institution and régie (whole suite)",
                keys.size(), violations);
    }

    /** The cart's checkout payments end as their payments did. */
    private void cartAgrees(List<Map<String, Object>> payments) {
        Map<String, String> state = payments.stream().collect(Collectors.toMap(p -> str(p, "id"), p -> str(p, "state")));
        List<Map<String, Object>> rows = db("cart").all("select cast(payment_id as text) id, status from checkout_payment "
                + "where cast(payment_id as text) = any(?)", List.copyOf(state.keySet()));
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String paymentState = state.get(str(r, "id"));
            boolean settled = SETTLED.contains(paymentState);
            String expected = settled ? "SETTLED" : paymentState.equals("CREATED") || paymentState.equals("PENDING")
                    ? "PENDING" : "FAILED";
            if (!expected.equals(str(r, "status"))) {
                violations.add("checkout payment " + str(r, "id") + ": cart says " + str(r, "status") + ", payment-service "
                        + paymentState);
            }
        }
        db("cart").all("select cast(id as text) id, owner, amount from payable_item where owner = any(?) and amount <= 0",
                accounts).forEach(r -> violations.add("payable item " + str(r, "id") + " of " + str(r, "owner")
                + " for " + num(r, "amount")));
        check("cart's checkout payments end as payment-service's; no payable item for nothing", rows.size(), violations);

        // what the cart offers to pay now is what billing says each bill still owes
        List<Map<String, Object>> offered = db("cart").all("select ref_id, owner, amount from payable_item where "
                + "owner = any(?) and kind = 'INVOICE' and status = 'AVAILABLE'", accounts);
        Map<String, Map<String, Object>> bills = index(db("billing").all("select cast(id as text) id, number, state, "
                + "amount - paid - waived outstanding from invoice where account_id = any(?)", accounts), "id");
        List<String> stale = new ArrayList<>();
        for (Map<String, Object> item : offered) {
            Map<String, Object> bill = bills.get(str(item, "ref_id"));
            if (bill == null || num(bill, "outstanding") != num(item, "amount")) {
                stale.add(str(item, "owner") + ": the cart offers " + num(item, "amount") + " for bill "
                        + (bill == null ? str(item, "ref_id") + " that billing does not have" : str(bill, "number") + " ("
                        + str(bill, "state") + ") which owes " + num(bill, "outstanding")));
            }
        }
        check("the cart offers each bill for what billing says it still owes", offered.size(), stale);
    }

    // --- the topics --------------------------------------------------------------------------------

    private void topics(List<Map<String, Object>> payments) {
        Map<String, Integer> perEvent = new HashMap<>();
        Map<String, List<String>> settledEvents = new HashMap<>();
        Map<String, List<String>> refundEvents = new HashMap<>();
        Map<String, String> ours = payments.stream().collect(Collectors.toMap(p -> str(p, "id"), p -> str(p, "state")));
        long records = 0;
        for (SuiteData.Event r : suite.readAll()) {
            records++;
            String eventId = r.eventId();
            perEvent.merge(eventId, 1, Integer::sum);
            String type = r.type();
            if (EventType.PAYMENT_SETTLED.typeName().equals(type) || EventType.REFUND_ISSUED.typeName().equals(type)) {
                String paymentId = read(r.value()).path("payload").path("paymentId").asText();
                if (ours.containsKey(paymentId)) {
                    (EventType.PAYMENT_SETTLED.typeName().equals(type) ? settledEvents : refundEvents)
                            .computeIfAbsent(paymentId, k -> new ArrayList<>()).add(eventId);
                }
            }
        }
        List<String> twice = perEvent.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> "event " + e.getKey() + " is on the topics " + e.getValue() + " times").toList();
        check("the topics from the start: no event id twice", records, twice);

        List<String> violations = new ArrayList<>();
        ours.forEach((id, state) -> {
            int n = settledEvents.getOrDefault(id, List.of()).size();
            if (n != (SETTLED.contains(state) ? 1 : 0)) {
                violations.add("payment " + id + " (" + state + "): " + n + " PaymentSettled events");
            }
        });
        List<String> settledIds = settledEvents.values().stream().flatMap(List::stream).toList();
        List<String> refundIds = refundEvents.values().stream().flatMap(List::stream).toList();
        Map<String, String> consumers = Map.of("billing", "billing.payment-settled", "cart", "cart.payment-outcome",
                "reporting", "reporting.read-model", "notification", "notification.payment-settled");
        consumers.forEach((service, consumer) -> {
            long applied = db(service).scalar("select count(*) from processed_event where consumer = ? "
                    + "and cast(event_id as text) = any(?)", consumer, settledIds);
            if (applied != settledIds.size()) {
                violations.add(service + " recorded " + applied + " of the " + settledIds.size()
                        + " PaymentSettled events as applied (" + consumer + ")");
            }
        });
        for (String service : List.of("billing", "reporting")) {
            long applied = db(service).scalar("select count(*) from processed_event where consumer = ? "
                    + "and cast(event_id as text) = any(?)", consumers.get(service), refundIds);
            if (applied != refundIds.size()) {
                violations.add(service + " recorded " + applied + " of the " + refundIds.size() + " RefundIssued events");
            }
        }
        long refundRows = db("reporting").scalar("select count(*) from transaction_refund where cast(event_id as text) = any(?)",
                refundIds);
        if (refundRows != refundIds.size()) {
            violations.add("reporting keeps " + refundRows + " refunds for " + refundIds.size() + " RefundIssued events");
        }
        check("every PaymentSettled published once per settled payment and applied once by each consumer; "
                + "every RefundIssued once", ours.size(), violations);
    }

    // --- reporting the verdict ---------------------------------------------------------------------

    String moneySummary() {
        StringBuilder out = new StringBuilder("  billing (this run's accounts): ").append(billingTotals).append('\n');
        out.append("  per régie (this run): settled, refunds, received, kept by the gateways, reporting\n");
        perRegie.forEach((regie, m) -> out.append(String.format("    %-34s %10d %10d %10d %10d %10d%n", regie, m[0], m[1], m[2],
                m[3], m[4])));
        return out.toString();
    }

    private void check(String name, long examined, List<String> violations) {
        checks.add(new Check(name, examined, violations));
    }

    private TestRows db(String service) {
        return suite.db(service);
    }

    private static long num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String str(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    private static String describe(Map<String, Object> payment) {
        return "payment " + str(payment, "reference") + " (" + str(payment, "state") + ", " + str(payment, "gateway")
                + ") of " + str(payment, "owner");
    }

    private static Map<String, Long> sums(List<Map<String, Object>> rows) {
        Map<String, Long> out = new HashMap<>();
        rows.forEach(r -> out.put(str(r, "k"), num(r, "s")));
        return out;
    }

    private static Map<String, Map<String, Object>> index(List<Map<String, Object>> rows, String key) {
        return rows.stream().collect(Collectors.toMap(r -> str(r, key), Function.identity(), (a, b) -> a));
    }

    private static JsonNode lines(Map<String, Object> payment) {
        return read(str(payment, "lines"));
    }

    private static JsonNode read(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
