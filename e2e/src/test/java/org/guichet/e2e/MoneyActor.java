package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.DevTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * One account of a randomised money run, and everyone who acts on it: its holder (a citizen paying online,
 * depositing, paying from credit), the agents of its institution (bills, loans, the counter, waives,
 * cancels, refunds) and of a partner library (R10), and its gateways (callbacks delivered again, late,
 * forged). Its operations come from its own {@link Random}, seeded from the run's seed and its index, so a
 * seed replays the same operations with the same arguments; what the services answer depends on how the
 * accounts' operations interleave. Refusals the rules explain are counted; a 5xx or an answer no rule
 * explains is a failure.
 */
final class MoneyActor {

    /** An institution of the e2e suite, its régie and gateway, and where its agents may also take money (R10). */
    enum Tenant {
        KLADNO("lib-kladno", "CZK", "lib-slany"), SLANY("lib-slany", "CZK", "lib-kladno"), NAMUR("ville-namur", "EUR", null);

        final String code;
        final String currency;
        final String partner;

        Tenant(String code, String currency, String partner) {
            this.code = code;
            this.currency = currency;
            this.partner = partner;
        }

        boolean library() {
            return this != NAMUR;
        }
    }

    /** Operations and their weights; those that do not apply to the tenant are drawn again. */
    enum Op {
        BILL(14), LOAN(5), RETURN(3), LOST(2), FOUND(2), ACCRUE(1), ONLINE(16), DEPOSIT(4), COUNTER(12), WAIVE(5),
        WAIVE_MANY(2), CANCEL(5), REFUND(7), CREDIT_PAY(5), REPLAY_CALLBACK(6), LATE_PAY(3), HOSTILE_CALLBACK(2),
        REQUEST(6), REFUSE_REQUEST(3), RACE(6);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }

        boolean appliesTo(Tenant t) {
            return switch (this) {
                case LOAN, RETURN, LOST, FOUND, ACCRUE -> t.library();
                case REQUEST, REFUSE_REQUEST -> t == Tenant.NAMUR;
                default -> true;
            };
        }
    }

    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(Op.values()).mapToInt(o -> o.weight).sum();

    /** What the run shares: where the suite is, the gateways, the count, the day. */
    record Run(String id, SuiteUrls urls, GatewayDesk gateways, Tally tally, LocalDate today, ExecutorService callbacks,
               String procedure) {
    }

    /** A payment attempt of this account at a gateway: what the payer chose (null: left on the page). */
    private static final class Attempt {
        final String paymentId;
        final String gateway;
        final String ref;
        final String checkoutUrl;
        GatewayDesk.Decision decision;

        Attempt(String paymentId, String gateway, String ref, String checkoutUrl) {
            this.paymentId = paymentId;
            this.gateway = gateway;
            this.ref = ref;
            this.checkoutUrl = checkoutUrl;
        }
    }

    private record Loan(String id, boolean lost) {
    }

    private final Run run;
    private final int index;
    private final Tenant tenant;
    private final int operations;
    private final Random random;
    private final String account;
    private final String citizen;
    private final String agent;
    private final String partnerAgent;
    private final String admin;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<Loan> loans = new ArrayList<>();
    private int done;
    private int loansReported;

    MoneyActor(Run run, long seed, int index, int operations) {
        this.run = run;
        this.index = index;
        this.operations = operations;
        this.random = new Random(seed * 1_000_003L + index);
        this.tenant = switch (index % 5) {
            case 3 -> Tenant.SLANY;
            case 4 -> Tenant.NAMUR;
            default -> Tenant.KLADNO;
        };
        this.account = account(run.id(), index);
        this.citizen = DevTokens.mint(account, tenant.code, "Invariant Payer " + index, account + "@example.org",
                tenant == Tenant.NAMUR ? "fr" : "cs", 7200, "citizen");
        // an agent of its own per account: the counter's rate limit is per agent, as at a real counter
        this.agent = DevTokens.mint("inv-agent-" + run.id() + "-" + index, tenant.code, "agent");
        this.partnerAgent = tenant.partner == null ? null
                : DevTokens.mint("inv-agent-" + run.id() + "-" + index + "-partner", tenant.partner, "agent");
        this.admin = DevTokens.mint("inv-admin-" + run.id(), tenant.code, "admin");
    }

    static String account(String run, int index) {
        return "inv-" + run + "-" + index;
    }

    /** Performs this account's next operation; false once it has done all of them. */
    boolean step() {
        if (done == operations) {
            return false;
        }
        done++;
        Op op;
        do {
            int pick = random.nextInt(TOTAL_WEIGHT);
            Op chosen = Op.values()[0];
            for (Op o : Op.values()) {
                if (pick < o.weight) {
                    chosen = o;
                    break;
                }
                pick -= o.weight;
            }
            op = chosen;
        } while (!op.appliesTo(tenant));
        run.tally().operation(op.name());
        try {
            perform(op);
        } catch (RuntimeException e) { // JourneyFailure too: the suite did not answer
            run.tally().failure(account + " " + op + ": " + e);
        }
        return done < operations;
    }

    private void perform(Op op) {
        switch (op) {
            case BILL -> bill();
            case LOAN -> loan();
            case RETURN -> loanEvent(false);
            case LOST -> lost();
            case FOUND -> loanEvent(true);
            case ACCRUE -> accrue();
            case ONLINE -> online();
            case DEPOSIT -> deposit();
            case COUNTER -> counter();
            case WAIVE -> waive();
            case WAIVE_MANY -> waiveMany();
            case CANCEL -> cancel();
            case REFUND -> refund();
            case CREDIT_PAY -> creditPay();
            case REPLAY_CALLBACK -> replayCallback();
            case LATE_PAY -> latePay();
            case HOSTILE_CALLBACK -> hostileCallback();
            case REQUEST -> request();
            case REFUSE_REQUEST -> refuseRequest();
            case RACE -> race();
        }
    }

    // --- billing: bills, loans and fines ------------------------------------------------------------

    private void bill() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account);
        body.put("amount", 10L * (15 + random.nextInt(390)));
        body.put("currency", tenant.currency);
        body.put("reason", List.of("MANUAL", "LATE_FEE", "DAMAGE", "OTHER").get(random.nextInt(4)));
        body.put("description", "invariants " + run.id());
        expect("bill", send(() -> Http.postJson(urls().billing() + "/invoices", agent, body, Map.of())), 201);
    }

    private void loan() {
        String id = "INV-" + run.id() + "-" + index + "-" + loansReported++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loanId", id);
        body.put("accountId", account);
        body.put("itemBarcode", "BC" + id);
        body.put("title", "Kniha " + loans.size());
        body.put("replacementCost", 100L * (20 + random.nextInt(40)));
        body.put("dueDate", run.today().minusDays(12 + random.nextInt(60)).toString());
        if (expect("loan", send(() -> Http.postJson(urls().billing() + "/loans", agent, body, Map.of())), 201)) {
            loans.add(new Loan(id, false));
        }
    }

    /** The item came back: an overdue loan (late fee billed), or a lost one found (its replacement cleared, R7). */
    private void loanEvent(boolean found) {
        List<Loan> candidates = loans.stream().filter(l -> l.lost() == found).toList();
        if (candidates.isEmpty()) {
            run.tally().event((found ? "found" : "return") + ": no such loan");
            return;
        }
        Loan loan = candidates.get(random.nextInt(candidates.size()));
        Http.Reply r = send(() -> Http.postJson(urls().billing() + "/loans/" + loan.id() + (found ? "/found" : "/return"),
                agent, Map.of("returnedOn", run.today().toString()), Map.of()));
        if (expect(found ? "found" : "return", r, 200)) {
            loans.remove(loan);
        }
    }

    private void lost() {
        List<Loan> open = loans.stream().filter(l -> !l.lost()).toList();
        if (open.isEmpty()) {
            run.tally().event("lost: no open loan");
            return;
        }
        Loan loan = open.get(random.nextInt(open.size()));
        if (expect("lost", send(() -> Http.postJson(urls().billing() + "/loans/" + loan.id() + "/lost", agent,
                Map.of("on", run.today().toString()), Map.of())), 200)) {
            loans.set(loans.indexOf(loan), new Loan(loan.id(), true));
        }
    }

    private void accrue() {
        expect("accrue", send(() -> Http.postJson(urls().billing() + "/accruals", admin,
                Map.of("businessDate", run.today().toString()), Map.of())), 200);
    }

    // --- online: cart, checkout, gateways ----------------------------------------------------------

    private void online() {
        JsonNode checkout = checkOut();
        if (checkout != null) {
            for (JsonNode p : checkout.path("payments")) {
                pay(p.path("paymentId").asText());
            }
        }
    }

    /** Some of what the cart offers, put in the cart; true when something was. */
    private boolean fillCart(boolean all) {
        Http.Reply payables = send(() -> Http.get(urls().cart() + "/payables", citizen));
        if (!expect("payables", payables, 200)) {
            return false;
        }
        List<JsonNode> items = new ArrayList<>();
        payables.json().forEach(items::add);
        if (items.isEmpty()) {
            run.tally().event("online: nothing payable");
            return false;
        }
        java.util.Collections.shuffle(items, random);
        for (JsonNode item : all ? items : items.subList(0, 1 + random.nextInt(Math.min(3, items.size())))) {
            expect("cart item", send(() -> Http.postJson(urls().cart() + "/cart/items", citizen,
                    Map.of("payableId", item.path("id").asText()), Map.of())), 200);
        }
        return true;
    }

    /** The cart checked out (sometimes twice with the same key: the same checkout); null when nothing was. */
    private JsonNode checkOut() {
        if (!fillCart(false)) {
            return null;
        }
        String key = UUID.randomUUID().toString();
        Http.Reply checkout = send(() -> Http.postJson(urls().cart() + "/cart/checkout", citizen, Map.of(),
                Map.of("Idempotency-Key", key)));
        if (!expect("checkout", checkout, 201)) {
            return null;
        }
        if (random.nextInt(5) == 0) {
            Http.Reply replay = send(() -> Http.postJson(urls().cart() + "/cart/checkout", citizen, Map.of(),
                    Map.of("Idempotency-Key", key)));
            if (replay.status() != 201 || !replay.json().path("id").equals(checkout.json().path("id"))) {
                run.tally().failure(account + " checkout replayed with its key answered " + replay.status() + " "
                        + replay.body() + " instead of checkout " + checkout.json().path("id"));
            }
            run.tally().event("checkout replayed");
        }
        return checkout.json();
    }

    private void deposit() {
        long amount = 100L * (2 + random.nextInt(30));
        String key = UUID.randomUUID().toString();
        Http.Reply r = send(() -> Http.postJson(urls().payment() + "/deposits", citizen, Map.of("amount", amount),
                Map.of("Idempotency-Key", key)));
        if (expect("deposit", r, 201)) {
            pay(r.json().path("id").asText());
        }
    }

    /** The payer starts the payment and decides on the gateway's page (or leaves it); the gateway may call back more. */
    private void pay(String paymentId) {
        Attempt attempt = start(paymentId);
        if (attempt == null) {
            return;
        }
        int pick = random.nextInt(100);
        GatewayDesk.Decision decision = pick < 62 ? GatewayDesk.Decision.PAY : pick < 70 ? GatewayDesk.Decision.REFUSE
                : pick < 78 ? GatewayDesk.Decision.CANCEL : pick < 82 ? GatewayDesk.Decision.EXPIRE : null;
        if (decision == null) {
            run.tally().event("payment left on the gateway's page");
            return;
        }
        decide(attempt, decision);
        afterDecision(attempt);
    }

    /** The payment as payment-service made it from the checkout, started at its gateway; null when it cannot be. */
    private Attempt start(String paymentId) {
        JsonNode payment = Journey.await("payment-service has payment " + paymentId, () -> {
            Http.Reply r = Http.get(urls().payment() + "/payments/" + paymentId, citizen);
            return r.status() == 200 ? r.json() : null;
        });
        if (payment.path("state").asText().equals("FAILED")) {
            run.tally().event("payment failed at checkout: " + payment.path("failureReason").asText());
            return null;
        }
        Http.Reply started = send(() -> Http.postJson(urls().payment() + "/payments/" + paymentId + "/start", citizen, "",
                Map.of()));
        if (!expect("start", started, 200)) {
            return null;
        }
        String gateway = started.json().path("gateway").asText();
        String checkoutUrl = started.json().path("checkoutUrl").asText();
        Attempt attempt = new Attempt(paymentId, gateway, GatewayDesk.refOf(gateway, checkoutUrl), checkoutUrl);
        attempts.add(attempt);
        return attempt;
    }

    /** After a payment: its callback again, at once, several times; the browser's return. */
    private void afterDecision(Attempt attempt) {
        if (attempt.decision == GatewayDesk.Decision.PAY && random.nextInt(100) < 35) {
            redeliver(attempt, 2 + random.nextInt(5), random.nextBoolean());
        }
        if (random.nextInt(4) == 0) {
            expect("return page", send(() -> Http.get(urls().payment() + "/payments/" + attempt.paymentId + "/return",
                    null)), 200);
        }
    }

    private void decide(Attempt attempt, GatewayDesk.Decision decision) {
        Http.Reply r = send(() -> run.gateways().decide(attempt.gateway, attempt.checkoutUrl, decision));
        if (r.status() != 303) {
            run.tally().failure(account + " " + attempt.gateway + " page answered " + r.status() + " to " + decision);
            return;
        }
        attempt.decision = decision;
        run.tally().event("decided " + attempt.gateway + " " + decision);
    }

    /**
     * The gateway's callback delivered again, {@code copies} times at once: the same news freshly signed
     * (a gateway's retry) or, with {@code sameBytes}, one delivery replayed byte for byte.
     */
    private void redeliver(Attempt attempt, int copies, boolean sameBytes) {
        GatewayDesk.Delivery once = run.gateways().callback(attempt.gateway, attempt.ref);
        List<CompletableFuture<Http.Reply>> sent = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            GatewayDesk.Delivery d = sameBytes ? once : run.gateways().callback(attempt.gateway, attempt.ref);
            // a gateway delivers again what was not acknowledged
            sent.add(CompletableFuture.supplyAsync(() -> send(() -> run.gateways().deliver(attempt.gateway, d)),
                    run.callbacks()));
        }
        for (CompletableFuture<Http.Reply> f : sent) {
            Http.Reply r = f.join();
            if (r.status() != 200) {
                run.tally().failure(account + " a genuine " + attempt.gateway + " callback was answered " + r.status()
                        + " " + r.body());
            }
        }
        run.tally().event("callbacks delivered again (" + attempt.gateway + (sameBytes ? ", same bytes)" : ", re-signed)"));
    }

    /** Out of order: a gateway's news of an attempt delivered again later (after refunds, expiry, other payments). */
    private void replayCallback() {
        List<Attempt> decided = attempts.stream().filter(a -> a.decision != null).toList();
        if (decided.isEmpty()) {
            run.tally().event("replay: no decided payment");
            return;
        }
        Attempt a = decided.get(random.nextInt(decided.size()));
        redeliver(a, 1 + random.nextInt(3), random.nextBoolean());
    }

    /** An attempt left on the gateway's page is paid there late — often after payment-service expired it. */
    private void latePay() {
        List<Attempt> left = attempts.stream().filter(a -> a.decision == null).toList();
        if (left.isEmpty()) {
            run.tally().event("late pay: nothing left open");
            return;
        }
        Attempt a = left.get(random.nextInt(left.size()));
        String state = Http.get(urls().payment() + "/payments/" + a.paymentId, citizen).json().path("state").asText();
        run.tally().event("paid late at the gateway, payment was " + state);
        decide(a, GatewayDesk.Decision.PAY);
    }

    /** Forged, stale and oversized callbacks: refused, and nothing changes (the checks find any money they moved). */
    private void hostileCallback() {
        List<Attempt> sandbox = attempts.stream().filter(a -> a.gateway.equals("sandbox")).toList();
        int pick = random.nextInt(4);
        if (pick == 3) {
            // an unsigned gateway told of a payment it never had: acknowledged, nothing to apply
            String gateway = random.nextBoolean() ? "mollie" : "gopay";
            String unknown = gateway.equals("mollie") ? "tr_inv" + run.id() + index : String.valueOf(9_000_000_000L + index);
            GatewayDesk.Delivery d = new GatewayDesk.Delivery(gateway.equals("mollie") ? Map.of("Content-Type",
                    "application/x-www-form-urlencoded") : Map.of(), "id=" + unknown);
            expect("unknown " + gateway + " callback", send(() -> run.gateways().deliver(gateway, d)), 200);
            return;
        }
        if (sandbox.isEmpty()) {
            run.tally().event("hostile callback: no sandbox payment");
            return;
        }
        Attempt a = sandbox.get(random.nextInt(sandbox.size()));
        GatewayDesk.Delivery d = switch (pick) {
            case 0 -> run.gateways().forgedSandbox(a.ref, "paid");
            case 1 -> run.gateways().staleSandbox(a.ref, 600);
            default -> new GatewayDesk.Delivery(Map.of("Content-Type", "application/json"),
                    "{\"id\":\"" + a.ref + "\",\"status\":\"paid\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        };
        Http.Reply r = send(() -> run.gateways().deliver("sandbox", d));
        int expected = pick == 2 ? 413 : 401;
        if (r.status() != expected) {
            run.tally().failure(account + " a " + (pick == 0 ? "forged" : pick == 1 ? "stale" : "oversized")
                    + " callback was answered " + r.status() + " instead of " + expected);
        } else {
            run.tally().refused(expected, pick == 0 ? "forged callback" : pick == 1 ? "stale callback" : "oversized callback");
        }
    }

    // --- the counter -------------------------------------------------------------------------------

    private void counter() {
        boolean partner = tenant.partner != null && random.nextInt(100) < 15;
        String token = partner ? partnerAgent : agent;
        String query = partner ? "?institution=" + tenant.code : "";
        Http.Reply payability = send(() -> Http.get(urls().billing() + "/accounts/" + account + "/payability" + query, token));
        if (!expect("payability", payability, 200)) {
            return;
        }
        JsonNode p = payability.json();
        long balance = p.path("balance").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account);
        if (partner) {
            body.put("institution", tenant.code);
        }
        int variant = random.nextInt(100);
        long amount;
        if (variant < 15) {
            body.put("deposit", true);
            amount = 100L * (1 + random.nextInt(30));
        } else if (variant < 25) {
            amount = balance + 1 + random.nextInt(500); // more than is owed: refused
        } else if (variant < 50 && p.path("bills").size() > 0) {
            List<JsonNode> bills = new ArrayList<>();
            p.path("bills").forEach(bills::add);
            java.util.Collections.shuffle(bills, random);
            List<JsonNode> chosen = bills.subList(0, 1 + random.nextInt(Math.min(2, bills.size())));
            long owed = chosen.stream().mapToLong(b -> b.path("outstanding").asLong()).sum();
            body.put("invoiceIds", chosen.stream().map(b -> b.path("id").asText()).toList());
            amount = 1 + (long) random.nextInt((int) Math.max(1, owed));
        } else {
            amount = balance > 0 ? 1 + (long) random.nextInt((int) balance) : 100;
        }
        body.put("amount", amount);
        int mode = random.nextInt(10);
        if (mode < 6) {
            body.put("mode", "CASH");
            body.put("tendered", amount + 500L * random.nextInt(3));
        } else if (mode < 9) {
            body.put("mode", "CHEQUE");
            body.put("cheque", Map.of("number", String.valueOf(100000 + random.nextInt(900000)), "bank", "ČSOB"));
        } else {
            body.put("mode", "CARD_TERMINAL");
            body.put("reference", "TERM-" + (100000 + random.nextInt(900000))); // the terminal's ticket (R4)
        }
        String key = UUID.randomUUID().toString();
        Http.Reply r = send(() -> Http.postJson(urls().payment() + "/counter-payments", token, body,
                Map.of("Idempotency-Key", key)));
        if (expect("counter", r, 201) && random.nextInt(7) == 0) {
            Http.Reply replay = send(() -> Http.postJson(urls().payment() + "/counter-payments", token, body,
                    Map.of("Idempotency-Key", key)));
            if (replay.status() != 201 || !replay.json().equals(r.json())) {
                run.tally().failure(account + " counter payment replayed with its key: " + replay.status() + " "
                        + replay.body() + " instead of " + r.body());
            }
            run.tally().event("counter payment replayed");
        }
    }

    // --- waives, cancels, refunds, credit -----------------------------------------------------------

    private List<JsonNode> bills() {
        Http.Reply r = send(() -> Http.get(urls().billing() + "/invoices?accountId=" + account, agent));
        List<JsonNode> bills = new ArrayList<>();
        if (expect("bills", r, 200)) {
            r.json().forEach(bills::add);
        }
        return bills;
    }

    private JsonNode anyBill(java.util.function.Predicate<JsonNode> preferred) {
        List<JsonNode> bills = bills();
        if (bills.isEmpty()) {
            return null;
        }
        List<JsonNode> good = bills.stream().filter(preferred).toList();
        // mostly a bill the operation suits, sometimes any (the service must refuse the rest)
        List<JsonNode> from = good.isEmpty() || random.nextInt(5) == 0 ? bills : good;
        return from.get(random.nextInt(from.size()));
    }

    private void waive() {
        JsonNode bill = anyBill(b -> b.path("outstanding").asLong() > 0);
        if (bill == null) {
            run.tally().event("waive: no bill");
            return;
        }
        long outstanding = bill.path("outstanding").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notes", "waived by the invariants");
        int variant = random.nextInt(100);
        if (variant < 45 && outstanding > 1) {
            body.put("amount", 1 + (long) random.nextInt((int) outstanding - 1));
        } else if (variant < 60) {
            body.put("amount", outstanding + 1 + random.nextInt(100));
        }
        expect("waive", send(() -> Http.postJson(urls().billing() + "/invoices/" + bill.path("id").asText() + "/waive",
                agent, body, Map.of())), 200);
    }

    private void waiveMany() {
        long owed = bills().stream().mapToLong(b -> b.path("outstanding").asLong()).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notes", "account waived by the invariants");
        if (random.nextBoolean() && owed > 1) {
            body.put("amount", 1 + (long) random.nextInt((int) Math.min(owed - 1, Integer.MAX_VALUE)));
        }
        expect("waive account", send(() -> Http.postJson(urls().billing() + "/accounts/" + account + "/waive", agent, body,
                Map.of())), 200);
    }

    private void cancel() {
        JsonNode bill = anyBill(b -> b.path("state").asText().equals("OPEN"));
        if (bill == null) {
            run.tally().event("cancel: no bill");
            return;
        }
        Map<String, Object> body = random.nextInt(10) == 0 ? Map.of() : Map.of("notes", "cancelled by the invariants");
        expect("cancel", send(() -> Http.postJson(urls().billing() + "/invoices/" + bill.path("id").asText() + "/cancel",
                agent, body, Map.of())), 200);
    }

    private void refund() {
        JsonNode bill = anyBill(b -> b.path("paid").asLong() - b.path("refunded").asLong() > 0);
        if (bill == null) {
            run.tally().event("refund: no bill");
            return;
        }
        long refundable = bill.path("paid").asLong() - bill.path("refunded").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("destination", random.nextInt(10) < 7 ? "ORIGINAL" : "CREDIT");
        body.put("reason", "refunded by the invariants");
        int variant = random.nextInt(100);
        if (variant < 45 && refundable > 1) {
            body.put("amount", 1 + (long) random.nextInt((int) refundable - 1));
        } else if (variant < 60) {
            body.put("amount", refundable + 1 + random.nextInt(100));
        }
        Http.Reply r = send(() -> Http.postJson(urls().billing() + "/invoices/" + bill.path("id").asText() + "/refunds",
                agent, body, Map.of()));
        expect("refund", r, r.status() == 202 ? 202 : 201);
    }

    private void creditPay() {
        boolean own = random.nextBoolean();
        String url = urls().billing() + "/accounts/" + (own ? "me" : account) + "/pay-from-credit";
        expect("pay from credit", send(() -> Http.postJson(url, own ? citizen : agent, Map.of(), Map.of())), 200);
    }

    // --- the municipal e-counter (R19–R22) ----------------------------------------------------------

    private void request() {
        Map<String, String> criteria = Map.of("reason", random.nextBoolean() ? "EMPLOYMENT" : "FAMILY_ALLOWANCE",
                "delivery", random.nextBoolean() ? "DIGITAL" : "POSTAL");
        Http.Reply quote = send(() -> Http.postJson(urls().cart() + "/procedures/" + run.procedure() + "/quote", citizen,
                Map.of("criteria", criteria), Map.of()));
        if (!expect("quote", quote, 200)) {
            return;
        }
        long quoted = quote.json().path("amount").asLong() + (random.nextInt(10) == 0 ? 100 : 0);
        expect("request", send(() -> Http.postJson(urls().cart() + "/requests", citizen, Map.of("procedure",
                run.procedure(), "criteria", criteria, "quotedAmount", quoted), Map.of())), 201);
    }

    private void refuseRequest() {
        Http.Reply mine = send(() -> Http.get(urls().cart() + "/requests/mine", citizen));
        if (!expect("my requests", mine, 200)) {
            return;
        }
        List<JsonNode> ready = new ArrayList<>();
        mine.json().forEach(r -> {
            if (r.path("state").asText().equals("TO_PROCESS")) {
                ready.add(r);
            }
        });
        if (ready.isEmpty()) {
            run.tally().event("refuse: no paid request");
            return;
        }
        String id = ready.get(random.nextInt(ready.size())).path("id").asText();
        expect("refuse request", send(() -> Http.postJson(urls().cart() + "/requests/" + id + "/refusal", agent,
                Map.of("reason", "refused by the invariants"), Map.of())), 200);
    }

    // --- races: two hands on one account at the same moment -------------------------------------------

    private void race() {
        switch (random.nextInt(5)) {
            case 0 -> {
                // the payer pays online while an agent takes the whole balance at the counter
                JsonNode checkout = checkOut();
                Attempt attempt = checkout == null ? null : start(checkout.path("payments").path(0).path("paymentId").asText());
                if (attempt == null) {
                    return;
                }
                long balance = balance();
                List<Http.Reply> r = concurrently(() -> run.gateways().decide(attempt.gateway, attempt.checkoutUrl,
                        GatewayDesk.Decision.PAY), () -> counterCash(Math.max(balance, 1)));
                attempt.decision = GatewayDesk.Decision.PAY;
                run.tally().event("race: online payment against the counter");
                if (r.get(0).status() != 303) {
                    run.tally().failure(account + " " + attempt.gateway + " page answered " + r.get(0).status());
                }
                expect("race: counter", r.get(1), 201);
                afterDecision(attempt);
            }
            case 1 -> {
                // two agents waive the same bill in full at once
                JsonNode bill = anyBill(b -> b.path("outstanding").asLong() > 0);
                if (bill != null) {
                    String url = urls().billing() + "/invoices/" + bill.path("id").asText() + "/waive";
                    concurrently(() -> Http.postJson(url, agent, Map.of(), Map.of()),
                            () -> Http.postJson(url, agent, Map.of(), Map.of()))
                            .forEach(r -> expect("race: waive", r, 200));
                    run.tally().event("race: double waive");
                }
            }
            case 2 -> {
                // a bill cancelled while the payer checks it out
                JsonNode bill = anyBill(b -> b.path("state").asText().equals("OPEN"));
                if (bill != null && fillCart(true)) {
                    List<Http.Reply> r = concurrently(() -> Http.postJson(urls().cart() + "/cart/checkout", citizen, Map.of(),
                                    Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                            () -> Http.postJson(urls().billing() + "/invoices/" + bill.path("id").asText() + "/cancel", agent,
                                    Map.of("notes", "cancelled during a checkout"), Map.of()));
                    run.tally().event("race: cancel during checkout");
                    expect("race: cancel", r.get(1), 200);
                    if (expect("race: checkout", r.get(0), 201)) {
                        for (JsonNode p : r.get(0).json().path("payments")) {
                            pay(p.path("paymentId").asText());
                        }
                    }
                }
            }
            case 3 -> {
                // two refunds of all of a bill at once
                JsonNode bill = anyBill(b -> b.path("paid").asLong() - b.path("refunded").asLong() > 0);
                if (bill != null) {
                    String url = urls().billing() + "/invoices/" + bill.path("id").asText() + "/refunds";
                    Map<String, Object> body = Map.of("destination", random.nextBoolean() ? "ORIGINAL" : "CREDIT",
                            "reason", "refunded twice at once");
                    concurrently(() -> Http.postJson(url, agent, body, Map.of()), () -> Http.postJson(url, agent, body, Map.of()))
                            .forEach(r -> expect("race: refund", r, r.status() == 202 ? 202 : 201));
                    run.tally().event("race: double refund");
                }
            }
            default -> {
                // the payer pays from credit while an agent takes the whole balance at the counter
                long balance = balance();
                List<Http.Reply> r = concurrently(() -> Http.postJson(urls().billing() + "/accounts/me/pay-from-credit",
                        citizen, Map.of(), Map.of()), () -> counterCash(Math.max(balance, 1)));
                run.tally().event("race: credit against the counter");
                expect("race: pay from credit", r.get(0), 200);
                expect("race: counter", r.get(1), 201);
            }
        }
    }

    private long balance() {
        Http.Reply p = send(() -> Http.get(urls().billing() + "/accounts/" + account + "/payability", agent));
        return expect("payability", p, 200) ? p.json().path("balance").asLong() : 0;
    }

    private Http.Reply counterCash(long amount) {
        return Http.postJson(urls().payment() + "/counter-payments", agent, Map.of("accountId", account, "amount", amount,
                "mode", "CASH", "tendered", amount), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    @SafeVarargs
    private List<Http.Reply> concurrently(Supplier<Http.Reply>... calls) {
        List<CompletableFuture<Http.Reply>> running = new ArrayList<>();
        for (Supplier<Http.Reply> call : calls) {
            running.add(CompletableFuture.supplyAsync(() -> send(call), run.callbacks()));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    // --- answers ----------------------------------------------------------------------------------

    private SuiteUrls urls() {
        return run.urls();
    }

    /**
     * Sends as a client must: waiting out a rate limit (429 with Retry-After), and retrying a little later
     * what a service said it could not do now and did not change (503 when its database is busy, 502 when
     * a gateway did not answer — PostgreSQL's connections are shared with other suites on this machine).
     * What still fails after that is the caller's to judge.
     */
    private Http.Reply send(Supplier<Http.Reply> call) {
        int unavailable = 0;
        for (int attempt = 0; ; attempt++) {
            Http.Reply r = call.get();
            if (r.status() == 429 && attempt < 20) {
                run.tally().event("rate limited (429), retried");
                String after = r.header("Retry-After");
                sleep(after == null ? 1000 : 1000L * Long.parseLong(after.trim()));
            } else if ((r.status() == 502 || r.status() == 503) && unavailable < 5) {
                run.tally().event("unavailable (" + r.status() + "), retried");
                sleep(500L << unavailable++);
            } else {
                return r;
            }
        }
    }

    /**
     * True on the expected status. A 4xx problem+json is a refusal the rules may explain: counted by its
     * problem type. Anything else — a 5xx, a 4xx without a problem, an odd success — is a failure.
     */
    private boolean expect(String what, Http.Reply r, int status) {
        if (r.status() == status) {
            return true;
        }
        if (r.status() >= 400 && r.status() < 500 && r.contentType().startsWith("application/problem+json")) {
            String type = r.json().path("type").asText(r.json().path("title").asText());
            run.tally().refused(r.status(), what + ": " + type.substring(type.lastIndexOf('/') + 1));
            return false;
        }
        run.tally().failure(account + " " + what + ": expected " + status + ", got " + r.status() + " " + r.contentType()
                + " " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
        return false;
    }

    /** On purpose: the service said when to come back (Retry-After, or a short back-off); there is nothing to poll. */
    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted");
        }
    }
}
