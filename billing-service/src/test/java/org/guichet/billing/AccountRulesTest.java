package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.AccountBlocked;
import org.guichet.events.payload.AccountUnblocked;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Account rules: blocks (R6), proxies (R9), group payments (R10), restricted agents (R11), R15, collections (R16). */
@QuarkusTest
class AccountRulesTest extends BillingTestResource {

    static void register(String account, String type, LocalDate validUntil, String principal) {
        register("lib-kladno", account, type, validUntil, principal);
    }

    static void register(String tenant, String account, String type, LocalDate validUntil, String principal) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "name", "Patron " + account));
        if (type != null) {
            body.put("patronType", type);
        }
        if (validUntil != null) {
            body.put("registrationValidUntil", validUntil.toString());
        }
        if (principal != null) {
            body.put("principalAccountId", principal);
        }
        as("agent", "agent-7", tenant).body(body).post("/accounts").then().statusCode(200);
    }

    static void waive(String invoice) {
        as("agent", "agent-7").body(Map.of("notes", "goodwill")).post("/invoices/" + invoice + "/waive")
                .then().statusCode(200);
    }

    @Test
    void R6_beyond_the_patron_types_waived_bills_the_account_is_blocked_and_cancelled_bills_do_not_count() {
        register("child-1", "child", null, null);
        String cancelled = createInvoice("child-1", 500);
        as("agent", "agent-7").body(Map.of("notes", "wrong patron")).post("/invoices/" + cancelled + "/cancel")
                .then().statusCode(200);
        waive(createInvoice("child-1", 500));
        as("agent", "a").get("/accounts/child-1/blocks").then().statusCode(200).body("$", empty());

        try (EventTap tap = new EventTap(Topics.ACCOUNTS)) {
            waive(createInvoice("child-1", 400));
            as("agent", "a").get("/accounts/child-1/blocks").then().body("reason", contains("MAX_WAIVED_BILLS"));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("child-1")
                    && EventJson.read(x.value()).is(EventType.ACCOUNT_BLOCKED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            AccountBlocked blocked = EventJson.read(r.value()).payloadAs(AccountBlocked.class);
            assertEquals(List.of("MAX_WAIVED_BILLS"), blocked.activeBlocks());
        }
        as("agent", "a").get("/accounts/child-1/summary").then().body("blocks", contains("MAX_WAIVED_BILLS"));
        as("agent", "a").get("/accounts/child-1/history").then().body("action", hasItem("BLOCKED"));
    }

    @Test
    void R6_a_debt_at_the_threshold_blocks_and_paying_it_lifts_the_block() {
        register("child-2", "child", null, null);
        String bill = createInvoice("child-2", 10000);
        as("agent", "a").get("/accounts/child-2/blocks").then().body("reason", contains("DEBT_THRESHOLD"));
        try (EventTap tap = new EventTap(Topics.ACCOUNTS)) {
            CreditAndAllocationTest.settle("child-2", new PaymentLine(PaymentLine.INVOICE, bill, "lib-kladno", "fee", 4000));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("child-2")
                    && EventJson.read(x.value()).is(EventType.ACCOUNT_UNBLOCKED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventJson.read(r.value()).payloadAs(AccountUnblocked.class).activeBlocks());
        }
        as("agent", "a").get("/accounts/child-2/blocks").then().body("$", empty());
    }

    @Test
    void R9_a_proxys_bills_are_seen_from_both_and_paid_only_from_the_principal() {
        register("principal-1", null, null, null);
        register("proxy-1", null, null, "principal-1");
        String principalsBill = createInvoice("principal-1", 1000);
        String proxysBill = createInvoice("proxy-1", 700);

        as("citizen", "proxy-1").get("/invoices").then().statusCode(200).body("id", hasItem(principalsBill))
                .body("id", hasItem(proxysBill));
        as("citizen", "principal-1").get("/invoices/" + proxysBill).then().statusCode(200);
        as("citizen", "stranger-9").get("/invoices/" + proxysBill).then().statusCode(404);

        as("agent", "a").get("/accounts/proxy-1/payability").then().body("payable", equalTo(false))
                .body("refusal", equalTo("PROXY")).body("principalAccountId", equalTo("principal-1"));
        as("agent", "a").get("/accounts/principal-1/payability").then().body("payable", equalTo(true))
                .body("balance", equalTo(1700));
        CreditAndAllocationTest.settle("principal-1",
                new PaymentLine(PaymentLine.DEPOSIT, "principal-1", "lib-kladno", "deposit", 5000));
        CreditAndAllocationTest.summary("principal-1", 1000, 5000);
        as("citizen", "proxy-1").body("{}").post("/accounts/me/pay-from-credit").then().statusCode(422)
                .body("type", equalTo("https://guichet.org/problems/pay-from-principal"));
        as("citizen", "principal-1").body("{}").post("/accounts/me/pay-from-credit").then().statusCode(200)
                .body("paid", equalTo(1700));
        as("agent", "a").get("/invoices/" + proxysBill).then().body("state", equalTo("PAID"));

        as("agent", "a").body(Map.of("accountId", "proxy-2", "name", "X", "principalAccountId", "proxy-1"))
                .post("/accounts").then().statusCode(400).body("errors[0].field", equalTo("principalAccountId"));
    }

    @Test
    void R10_another_institution_of_the_group_sees_what_may_be_paid_others_do_not() {
        register("lib-slany", "slany-5", null, null, null);
        as("agent", "agent-s", "lib-slany").body(Map.of("accountId", "slany-5", "amount", 1500, "currency", "CZK",
                "reason", "DAMAGE")).post("/invoices").then().statusCode(201);
        as("agent", "agent-7").queryParam("institution", "lib-slany").get("/accounts/slany-5/payability")
                .then().statusCode(200).body("balance", equalTo(1500)).body("overdue", equalTo(0))
                .body("institution", equalTo("lib-slany"));
        as("agent", "agent-n", "ville-namur").queryParam("institution", "lib-slany").get("/accounts/slany-5/payability")
                .then().statusCode(404);
    }

    @Test
    void R11_a_restricted_agent_needs_a_supervisors_override_used_once_and_recorded() {
        String bill = createInvoice("patron-r11", 900);
        as("restricted-agent", "student-3").body(Map.of("notes", "x")).post("/invoices/" + bill + "/waive")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("override"));
        as("restricted-agent", "student-3").body(Fixtures.invoice("patron-r11", 300)).post("/invoices")
                .then().statusCode(403);

        String grant = as("supervisor", "boss-1").body(Map.of("agent", "student-3", "action", "WAIVE",
                        "accountId", "patron-r11", "notes", "ok"))
                .post("/overrides").then().statusCode(200).extract().path("id");
        as("restricted-agent", "student-4").header("Guichet-Override", grant).body(Map.of("notes", "x"))
                .post("/invoices/" + bill + "/waive").then().statusCode(403);
        as("restricted-agent", "student-3").header("Guichet-Override", grant).body(Map.of("notes", "first offence"))
                .post("/invoices/" + bill + "/waive").then().statusCode(200).body("state", equalTo("WAIVED"));
        as("agent", "a").get("/invoices/" + bill + "/history").then()
                .body("find { it.action == 'WAIVE' }.operator", equalTo("student-3"))
                .body("find { it.action == 'WAIVE' }.grantedBy", equalTo("boss-1"));

        String other = createInvoice("patron-r11", 400);
        as("restricted-agent", "student-3").header("Guichet-Override", grant).body(Map.of("notes", "again"))
                .post("/invoices/" + other + "/waive").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("already used"));
        as("agent", "a").get("/invoices/" + other).then().body("waived", equalTo(0));
        as("restricted-agent", "student-3").body(Map.of("agent", "student-3", "action", "WAIVE",
                        "accountId", "patron-r11")).post("/overrides")
                .then().statusCode(403);
    }

    @Test
    void R15_an_expired_registration_cannot_pay_online_where_the_institution_says_so() {
        register("expired-1", null, LocalDate.of(2020, 1, 31), null);
        register("valid-1", null, LocalDate.of(2099, 1, 31), null);
        as("citizen", "expired-1").get("/accounts/me/payability").then().body("onlinePaymentAllowed", equalTo(false));
        as("citizen", "valid-1").get("/accounts/me/payability").then().body("onlinePaymentAllowed", equalTo(true));
        register("lib-slany", "expired-2", null, LocalDate.of(2020, 1, 31), null);
        as("citizen", "expired-2", "lib-slany").get("/accounts/me/payability")
                .then().body("onlinePaymentAllowed", equalTo(true));
    }

    @Test
    void R16_an_account_in_collections_pays_its_full_balance_or_nothing() {
        register("debtor-1", null, null, null);
        String a = createInvoice("debtor-1", 3000);
        createInvoice("debtor-1", 2000);
        CreditAndAllocationTest.settle("debtor-1", new PaymentLine(PaymentLine.DEPOSIT, "debtor-1", "lib-kladno", "d", 9000));
        CreditAndAllocationTest.summary("debtor-1", 5000, 9000);
        try (EventTap tap = new EventTap(Topics.ACCOUNTS)) {
            as("supervisor", "boss-1").body(Map.of("notes", "three reminders")).post("/accounts/debtor-1/collections")
                    .then().statusCode(200).body("balance", equalTo(5000));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("debtor-1")
                    && EventJson.read(x.value()).is(EventType.ACCOUNT_SENT_TO_COLLECTIONS), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
        }
        as("supervisor", "boss-1").body("{}").post("/accounts/debtor-1/collections").then().statusCode(409);
        as("agent", "agent-7").body("{}").post("/accounts/debtor-1/collections").then().statusCode(403);
        as("agent", "a").get("/invoices/" + a + "/history").then().body("action", hasItem("COLLECTIONS"));
        as("agent", "a").get("/accounts/debtor-1/payability").then().body("fullBalanceOnly", equalTo(true));

        as("agent", "a").body(Map.of("amount", 3000)).post("/accounts/debtor-1/pay-from-credit").then().statusCode(422)
                .body("type", equalTo("https://guichet.org/problems/full-balance-only"));
        as("agent", "a").body(Map.of("invoiceIds", List.of(a))).post("/accounts/debtor-1/pay-from-credit")
                .then().statusCode(422);
        CreditAndAllocationTest.summary("debtor-1", 5000, 9000);
        as("agent", "a").body("{}").post("/accounts/debtor-1/pay-from-credit").then().statusCode(200)
                .body("paid", equalTo(5000));
        as("agent", "a").get("/accounts/debtor-1/summary").then().body("inCollections", equalTo(true))
                .body("currentCharges", equalTo(0));
    }

    @Test
    void R8_notes_on_bills_and_the_account_history_line_up_every_action() {
        String bill = createInvoice("patron-h1", 1200);
        as("agent", "agent-7").body(Map.of("text", "patron called about it")).post("/invoices/" + bill + "/notes")
                .then().statusCode(200).body("action", equalTo("NOTE"));
        as("agent", "agent-7").body(Map.of("text", "")).post("/invoices/" + bill + "/notes").then().statusCode(400);
        waive(bill);
        as("agent", "a").get("/accounts/patron-h1/history").then().statusCode(200)
                .body("action", contains("CREATED", "NOTE", "WAIVE"))
                .body("[1].notes", equalTo("patron called about it"))
                .body("[2].operator", equalTo("agent-7"))
                .body("[0].invoiceNumber", notNullValue())
                .body("[0].grantedBy", nullValue());
        as("citizen", "patron-h1").get("/accounts/me/history").then().body("action", contains("CREATED", "NOTE", "WAIVE"));
    }
}
