package org.guichet.payment.payment;

import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** R7: what a payment may still refund, on the aggregate (plain JUnit, no Quarkus). */
class PaymentRefundRulesTest {
    static Payment settled(long amount) {
        Payment p = new Payment();
        p.reference = "KLADNO-LIBRARY-000001";
        p.amount = amount;
        p.currency = "CZK";
        p.state = PaymentState.SETTLED;
        return p;
    }

    @Test
    void refunds_count_down_to_nothing_left_and_the_state_follows() {
        Payment p = settled(6500);
        p.refund(1500);
        assertEquals(5000, p.refundable());
        assertEquals(PaymentState.PARTIALLY_REFUNDED, p.stateAfterRefunds());
        p.state = PaymentState.PARTIALLY_REFUNDED;
        p.refund(5000);
        assertEquals(0, p.refundable());
        assertEquals(PaymentState.REFUNDED, p.stateAfterRefunds());
    }

    @Test
    void more_than_is_left_is_refused_and_changes_nothing() {
        Payment p = settled(6500);
        p.refund(6000);
        ProblemException e = assertThrows(ProblemException.class, () -> p.refund(501));
        assertEquals("refund-too-large", e.slug());
        assertEquals(500, p.refundable());
    }

    @Test
    void only_a_settled_payment_refunds() {
        for (PaymentState state : new PaymentState[] {PaymentState.CREATED, PaymentState.PENDING, PaymentState.FAILED,
                PaymentState.CANCELLED, PaymentState.EXPIRED, PaymentState.REFUNDED}) {
            Payment p = settled(1000);
            p.state = state;
            ProblemException e = assertThrows(ProblemException.class, () -> p.refund(100), state.name());
            assertEquals("payment-not-settled", e.slug());
            assertEquals(0, p.refunded);
        }
    }
}
