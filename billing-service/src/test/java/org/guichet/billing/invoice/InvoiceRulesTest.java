package org.guichet.billing.invoice;

import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** R3: what may be paid or waived on a bill, on the aggregate (plain JUnit, no Quarkus). */
class InvoiceRulesTest {
    static Invoice bill(long amount) {
        Invoice i = new Invoice();
        i.number = "LIB-KLADNO-2026-000001";
        i.amount = amount;
        i.currency = "CZK";
        i.state = InvoiceState.OPEN;
        return i;
    }

    @Test
    void a_closed_bill_is_settled_for_a_payment_and_for_a_waiver_alike() {
        Invoice paid = bill(5000);
        paid.applyPayment(5000);
        assertEquals(InvoiceState.PAID, paid.state);
        ProblemException pay = assertThrows(ProblemException.class, () -> paid.applyPayment(100));
        ProblemException waive = assertThrows(ProblemException.class, () -> paid.waive(100));
        assertEquals(409, pay.status());
        assertEquals(409, waive.status(), "not a 400 '0 outstanding'");
        assertEquals(pay.slug(), waive.slug());
        assertEquals("invoice-settled", waive.slug());
    }

    @Test
    void an_open_bill_waives_at_most_what_is_outstanding() {
        Invoice open = bill(5000);
        open.applyPayment(1000);
        ProblemException tooMuch = assertThrows(ProblemException.class, () -> open.waive(4001));
        assertEquals(400, tooMuch.status());
        open.waive(4000);
        assertEquals(0, open.outstanding());
        assertEquals(InvoiceState.PAID, open.state);
    }
}
