package org.guichet.payment.claim;

import org.guichet.events.payload.PaymentLine;
import org.guichet.payment.payment.Payment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the same online payment made twice is refunded on its own; instalments never are. */
class DuplicatePaymentTest {

    static Payment payment(String mode, long amount) {
        Payment p = new Payment();
        p.mode = mode;
        p.setLines(List.of(new PaymentLine(PaymentLine.INVOICE, "bill-1", "lib-kladno", "fee", amount)));
        return p;
    }

    @Test
    void two_online_payments_of_the_same_amount_for_a_bill_are_a_duplicate() {
        assertTrue(PaymentClaims.sameOnlinePayment(payment("ONLINE", 1500), payment("ONLINE", 1500), "bill-1"));
    }

    @Test
    void instalments_and_counter_payments_are_not() {
        assertFalse(PaymentClaims.sameOnlinePayment(payment("ONLINE", 1000), payment("CASH", 600), "bill-1"));
        assertFalse(PaymentClaims.sameOnlinePayment(payment("CASH", 400), payment("CASH", 400), "bill-1"));
        assertFalse(PaymentClaims.sameOnlinePayment(payment("ONLINE", 1000), payment("ONLINE", 600), "bill-1"));
        assertFalse(PaymentClaims.sameOnlinePayment(payment("ONLINE", 1000), payment("ONLINE", 1000), "bill-2"));
    }
}
