package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.platform.money.Money;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.TENANT;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * L12 and H3: a counter payment or deposit beyond the shared maximum is refused before any money is
 * recorded (two CASH deposits of 9 * 10^18 used to overflow the credit and stall billing's consumer).
 */
@QuarkusTest
class AmountBoundsTest extends PaymentTestResource {
    static final long TOO_MUCH = Money.MAX_AMOUNT + 1;

    static long payments(String account) {
        return TestRows.of("payment").scalar("select count(*) from payment where tenant = ? and owner = ?", TENANT, account);
    }

    @Test
    void L12_a_counter_deposit_or_an_online_deposit_beyond_the_maximum_is_a_400_and_takes_nothing() {
        Callers.as("agent", "agent-l12", TENANT)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountId", "patron-l12", "amount", 9_000_000_000_000_000_000L, "mode", "CASH",
                        "tendered", 9_000_000_000_000_000_000L, "deposit", true))
                .post("/counter-payments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("amount"));
        citizen("patron-l12").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", TOO_MUCH)).post("/deposits").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("amount"));
        assertEquals(0, payments("patron-l12"));
    }
}
