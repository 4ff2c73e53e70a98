package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** L12 and H3: amounts beyond the shared maximum and made-up currencies are refused before anything is stored. */
@QuarkusTest
class AmountBoundsTest extends BillingTestResource {
    static final long TOO_MUCH = Money.MAX_AMOUNT + 1;

    @Test
    void L12_a_bill_a_loan_a_waiver_or_a_refund_beyond_the_maximum_is_a_400_and_nothing_is_stored() {
        Map<String, Object> bill = new HashMap<>(Fixtures.invoice("patron-l12", TOO_MUCH));
        as("agent", "agent-l12").body(bill).post("/invoices").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("amount"));
        bill.put("amount", Money.MAX_AMOUNT);
        bill.put("currency", "XYZ");
        as("agent", "agent-l12").body(bill).post("/invoices").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("currency"));
        as("agent", "agent-l12").get("/invoices?accountId=patron-l12").then().statusCode(200).body("$", hasSize(0));

        as("agent", "agent-l12").body(Map.of("loanId", "L-L12", "accountId", "patron-l12", "itemBarcode", "L12",
                        "replacementCost", TOO_MUCH, "dueDate", "2026-11-02")).post("/loans").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("replacementCost"));

        String id = Fixtures.createInvoice("patron-l12", 1000);
        as("supervisor", "sup-l12").body(Map.of("amount", TOO_MUCH)).post("/invoices/" + id + "/waive").then()
                .statusCode(400).contentType("application/problem+json");
        as("agent", "agent-l12").get("/invoices/" + id).then().statusCode(200).body("waived", equalTo(0));
    }
}
