package org.guichet.payment.counter;

import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a counter payment pays, from billing's answer (R3, R4, R9, R16, R24). */
class CounterLinesTest {
    static final List<Payability.OpenBill> BILLS = List.of(new Payability.OpenBill("b1", "2026-1", 1000),
            new Payability.OpenBill("b2", "2026-2", 500), new Payability.OpenBill("b3", "2026-3", 2000));

    static Payability account(boolean payable, boolean fullBalanceOnly) {
        return new Payability("p1", "lib-kladno", "kladno-library", "CZK", 3500, 1000, fullBalanceOnly, payable,
                payable ? null : "PROXY", payable ? "p1" : "p0", true, null, List.of("CASH", "CHEQUE"), BILLS);
    }

    static CounterPaymentRequest request(long amount, List<String> invoices, CounterPaymentRequest.Mode mode) {
        return new CounterPaymentRequest("p1", null, invoices, amount, mode, amount, null, null);
    }

    @Test
    void without_a_selection_the_account_is_paid_and_billing_takes_the_oldest_bills_first() {
        List<PaymentLine> lines = CounterPayments.lines(account(true, false), request(1200, null, CounterPaymentRequest.Mode.CASH));
        assertEquals(List.of(new PaymentLine(PaymentLine.ACCOUNT, "p1", "lib-kladno", "Counter payment", 1200)), lines);
    }

    @Test
    void selected_bills_are_paid_in_their_order_each_in_full_where_possible() {
        List<PaymentLine> lines = CounterPayments.lines(account(true, false),
                request(2300, List.of("b3", "b2"), CounterPaymentRequest.Mode.CASH));
        assertEquals(List.of(500L, 1800L), lines.stream().map(PaymentLine::amount).toList());
        assertEquals(List.of("b2", "b3"), lines.stream().map(PaymentLine::refId).toList());
    }

    @Test
    void the_bills_a_payment_holds_are_those_its_money_goes_to_as_billing_applies_it() {
        Payability account = account(true, false);
        assertEquals(List.of("b1", "b2"), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                request(1200, null, CounterPaymentRequest.Mode.CASH))).stream().map(Payability.OpenBill::id).toList());
        assertEquals(List.of("b1"), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                request(1000, null, CounterPaymentRequest.Mode.CASH))).stream().map(Payability.OpenBill::id).toList());
        assertEquals(List.of("b2", "b3"), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                request(2300, List.of("b3", "b2"), CounterPaymentRequest.Mode.CASH))).stream()
                .map(Payability.OpenBill::id).toList());
        assertEquals(List.of(), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                new CounterPaymentRequest("p1", null, null, 5000L, CounterPaymentRequest.Mode.CASH, 5000L, null, true))));
    }

    @Test
    void over_the_balance_a_proxy_an_unknown_bill_a_mode_not_taken_and_part_of_a_collections_balance_are_refused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(3501, null, CounterPaymentRequest.Mode.CASH))).status());
        assertEquals("pay-from-principal", assertThrows(ProblemException.class, () -> CounterPayments.lines(
                account(false, false), request(100, null, CounterPaymentRequest.Mode.CASH))).slug());
        assertEquals(404, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(100, List.of("b9"), CounterPaymentRequest.Mode.CASH))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(100, null, CounterPaymentRequest.Mode.CARD_TERMINAL))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(600, List.of("b2"), CounterPaymentRequest.Mode.CASH))).status());
        assertEquals("full-balance-only", assertThrows(ProblemException.class, () -> CounterPayments.lines(
                account(true, true), request(3000, null, CounterPaymentRequest.Mode.CASH))).slug());
        assertEquals(1, CounterPayments.lines(account(true, true), request(3500, null, CounterPaymentRequest.Mode.CASH)).size());
    }
}
