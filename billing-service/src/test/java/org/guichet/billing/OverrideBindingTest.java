package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * M1: a supervisor's override is bound to one action on one account (and bill), with a maximum where money
 * moves; a use outside it is refused and leaves the grant for the use it was given for.
 */
@QuarkusTest
class OverrideBindingTest extends BillingTestResource {

    static String grant(Map<String, Object> request) {
        return as("supervisor", "boss-m1").body(request).post("/overrides").then().statusCode(200)
                .extract().path("id");
    }

    @Test
    void M1_aGrantForAccountAIsRefusedOnAccountBAndStillServesAccountA() {
        String a = createInvoice("patron-m1a", 200);
        String b = createInvoice("patron-m1b", 5000);
        String id = grant(Map.of("agent", "student-m1", "action", "WAIVE", "accountId", "patron-m1a",
                "notes", "waive the 2 € fee on A"));

        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of())
                .post("/accounts/patron-m1b/waive").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("patron-m1a"));
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("notes", "x"))
                .post("/invoices/" + b + "/waive").then().statusCode(403);
        as("agent", "a").get("/invoices/" + b).then().body("waived", equalTo(0)).body("state", equalTo("OPEN"));

        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("notes", "fee"))
                .post("/accounts/patron-m1a/waive").then().statusCode(200).body("size()", equalTo(1));
        as("agent", "a").get("/invoices/" + a).then().body("state", equalTo("WAIVED"));
        as("agent", "a").get("/invoices/" + a + "/history").then()
                .body("find { it.action == 'WAIVE' }.grantedBy", equalTo("boss-m1"));
    }

    @Test
    void M1_aGrantWithMax200IsRefusedForA5000WaiveAndAllowsUpTo200() {
        String bill = createInvoice("patron-m1c", 5000);
        String id = grant(Map.of("agent", "student-m1", "action", "WAIVE", "accountId", "patron-m1c", "maxAmount", 200));

        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("notes", "all of it"))
                .post("/invoices/" + bill + "/waive").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("at most 200"));
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of())
                .post("/accounts/patron-m1c/waive").then().statusCode(403);
        as("agent", "a").get("/invoices/" + bill).then().body("waived", equalTo(0));

        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("amount", 200))
                .post("/invoices/" + bill + "/waive").then().statusCode(200).body("waived", equalTo(200))
                .body("outstanding", equalTo(4800));
        // used once
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("amount", 100))
                .post("/invoices/" + bill + "/waive").then().statusCode(403)
                .body("detail", containsString("already used"));
    }

    @Test
    void M1_aGrantForOneBillIsRefusedOnAnotherBillOfTheAccount() {
        String named = createInvoice("patron-m1d", 300);
        String other = createInvoice("patron-m1d", 400);
        String id = grant(Map.of("agent", "student-m1", "action", "CANCEL", "accountId", "patron-m1d",
                "invoiceId", named));
        Map<String, Object> cancel = Map.of("notes", "entered twice");

        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(cancel)
                .post("/invoices/" + other + "/cancel").then().statusCode(403)
                .body("detail", containsString(named));
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(cancel)
                .post("/invoices/" + named + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        as("agent", "a").get("/invoices/" + other).then().body("state", equalTo("OPEN"));
    }

    @Test
    void M1_aGrantNamesABillOfItsAccountAndAnActionThatHasOne() {
        String bill = createInvoice("patron-m1e", 300);
        as("supervisor", "boss-m1").body(Map.of("agent", "student-m1", "action", "WAIVE", "accountId", "patron-m1f",
                "invoiceId", bill)).post("/overrides").then().statusCode(404);
        as("supervisor", "boss-m1").body(Map.of("agent", "student-m1", "action", "CREATE", "accountId", "patron-m1e",
                "invoiceId", bill)).post("/overrides").then().statusCode(400);
        as("supervisor", "boss-m1").body(Map.of("agent", "student-m1", "action", "WAIVE")).post("/overrides")
                .then().statusCode(400);
        as("supervisor", "boss-m1").body(Map.of("agent", "student-m1", "action", "WAIVE", "accountId", "patron-m1e",
                "maxAmount", 0)).post("/overrides").then().statusCode(400);
        as("supervisor", "boss-m1").body(Map.of("agent", "student-m1", "action", "WAIVE", "accountId", "patron-m1e",
                        "invoiceId", bill, "maxAmount", 100)).post("/overrides").then().statusCode(200)
                .body("accountId", equalTo("patron-m1e")).body("invoiceId", equalTo(bill))
                .body("maxAmount", equalTo(100));
    }

    @Test
    void M1_aPayGrantFromCreditIsBoundToItsAccountAndMaximum() {
        createInvoice("patron-m1p", 1500);
        createInvoice("patron-m1q", 900);
        CreditAndAllocationTest.settle("patron-m1p", new org.guichet.events.payload.PaymentLine(
                org.guichet.events.payload.PaymentLine.DEPOSIT, "patron-m1p", "lib-kladno", "deposit", 2000));
        CreditAndAllocationTest.summary("patron-m1p", 1500, 2000);
        String id = grant(Map.of("agent", "student-m1", "action", "PAY", "accountId", "patron-m1p", "maxAmount", 500));

        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of())
                .post("/accounts/patron-m1p/pay-from-credit").then().statusCode(403)
                .body("detail", containsString("at most 500"));
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("amount", 500))
                .post("/accounts/patron-m1q/pay-from-credit").then().statusCode(403);
        CreditAndAllocationTest.summary("patron-m1p", 1500, 2000);
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Map.of("amount", 500))
                .post("/accounts/patron-m1p/pay-from-credit").then().statusCode(200);
        CreditAndAllocationTest.summary("patron-m1p", 1000, 1500);
    }

    @Test
    void M1_aCreateGrantIsBoundToTheAccountAndTheBillsAmount() {
        String id = grant(Map.of("agent", "student-m1", "action", "CREATE", "accountId", "patron-m1g", "maxAmount", 500));
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Fixtures.invoice("patron-m1h", 300))
                .post("/invoices").then().statusCode(403);
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Fixtures.invoice("patron-m1g", 900))
                .post("/invoices").then().statusCode(403);
        as("restricted-agent", "student-m1").header("Guichet-Override", id).body(Fixtures.invoice("patron-m1g", 300))
                .post("/invoices").then().statusCode(201);
        as("agent", "a").get("/accounts/patron-m1h/payability").then().body("bills", equalTo(List.of()));
    }
}
