package org.guichet.payment.counter;

import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.error.FieldError;
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

    static CounterPaymentRequest request(long amount, List<String> invoices, String mode) {
        return new CounterPaymentRequest("p1", null, invoices, amount, mode, amount, null, null, null);
    }

    @Test
    void without_a_selection_the_account_is_paid_and_billing_takes_the_oldest_bills_first() {
        List<PaymentLine> lines = CounterPayments.lines(account(true, false), request(1200, null, "CASH"));
        assertEquals(List.of(new PaymentLine(PaymentLine.ACCOUNT, "p1", "lib-kladno", "Counter payment", 1200)), lines);
    }

    @Test
    void selected_bills_are_paid_in_their_order_each_in_full_where_possible() {
        List<PaymentLine> lines = CounterPayments.lines(account(true, false),
                request(2300, List.of("b3", "b2"), "CASH"));
        assertEquals(List.of(500L, 1800L), lines.stream().map(PaymentLine::amount).toList());
        assertEquals(List.of("b2", "b3"), lines.stream().map(PaymentLine::refId).toList());
    }

    @Test
    void the_bills_a_payment_holds_are_those_its_money_goes_to_as_billing_applies_it() {
        Payability account = account(true, false);
        assertEquals(List.of("b1", "b2"), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                request(1200, null, "CASH"))).stream().map(Payability.OpenBill::id).toList());
        assertEquals(List.of("b1"), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                request(1000, null, "CASH"))).stream().map(Payability.OpenBill::id).toList());
        assertEquals(List.of("b2", "b3"), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                request(2300, List.of("b3", "b2"), "CASH"))).stream()
                .map(Payability.OpenBill::id).toList());
        assertEquals(List.of(), CounterPayments.billsPaid(account, CounterPayments.lines(account,
                new CounterPaymentRequest("p1", null, null, 5000L, "CASH", 5000L, null, true, null))));
    }

    @Test
    void over_the_balance_a_proxy_an_unknown_bill_a_mode_not_taken_and_part_of_a_collections_balance_are_refused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(3501, null, "CASH"))).status());
        assertEquals("pay-from-principal", assertThrows(ProblemException.class, () -> CounterPayments.lines(
                account(false, false), request(100, null, "CASH"))).slug());
        assertEquals(404, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(100, List.of("b9"), "CASH"))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(100, null, "CARD_TERMINAL"))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> CounterPayments.lines(account(true, false),
                request(600, List.of("b2"), "CASH"))).status());
        assertEquals("full-balance-only", assertThrows(ProblemException.class, () -> CounterPayments.lines(
                account(true, true), request(3000, null, "CASH"))).slug());
        assertEquals(1, CounterPayments.lines(account(true, true), request(3500, null, "CASH")).size());
    }

    static Payability withModes(List<String> codes, List<Payability.PaymentMode> modes) {
        return new Payability("p1", "lib-kladno", "kladno-library", "CZK", 3500, 1000, false, true, null, "p1", true,
                null, codes, BILLS, modes);
    }

    static CounterPaymentRequest request(String mode, Long tendered, CounterPaymentRequest.Cheque cheque,
                                         String reference) {
        return new CounterPaymentRequest("p1", null, null, 1000L, mode, tendered, cheque, null, reference);
    }

    static FieldError refused(Payability account, CounterPaymentRequest r) {
        ProblemException e = assertThrows(ProblemException.class, () -> CounterPayments.checkMode(account, r));
        assertEquals(400, e.status());
        return e.errors().get(0);
    }

    @Test
    void R4_any_configured_mode_is_taken_with_the_fields_its_kind_needs() {
        Payability account = withModes(List.of("CASH", "CHEQUE", "BANK_TRANSFER", "VOUCHER"), List.of(
                new Payability.PaymentMode("CASH", Payability.Kind.CASH, "Espèces", false),
                new Payability.PaymentMode("CHEQUE", Payability.Kind.CHEQUE, null, false),
                new Payability.PaymentMode("BANK_TRANSFER", Payability.Kind.REFERENCE, "Virement", true),
                new Payability.PaymentMode("VOUCHER", Payability.Kind.REFERENCE, null, false)));
        assertEquals("BANK_TRANSFER", CounterPayments.checkMode(account, request("BANK_TRANSFER", null, null,
                "VIR-2026-0042")).code());
        assertEquals("VOUCHER", CounterPayments.checkMode(account, request("VOUCHER", null, null, null)).code());
        assertEquals(Payability.Kind.CHEQUE, CounterPayments.checkMode(account, request("CHEQUE", null,
                new CounterPaymentRequest.Cheque("0004521", "ING"), null)).kind());

        assertEquals("reference", refused(account, request("BANK_TRANSFER", null, null, "  ")).field());
        assertEquals("tendered", refused(account, request("CASH", 999L, null, null)).field());
        assertEquals("cheque", refused(account, request("CHEQUE", null, null, "0004521")).field());
        FieldError notTaken = refused(account, request("CARD_TERMINAL", null, null, "T-1"));
        assertEquals("mode", notTaken.field());
        assertEquals("must be one of [CASH, CHEQUE, BANK_TRANSFER, VOUCHER]", notTaken.message());
    }

    @Test
    void R4_an_older_billing_sending_only_codes_gets_cash_cheque_and_a_required_reference_for_the_others() {
        Payability account = withModes(List.of("CASH", "CHEQUE", "CARD_TERMINAL"), null);
        assertEquals(List.of(Payability.Kind.CASH, Payability.Kind.CHEQUE, Payability.Kind.REFERENCE),
                account.modes().stream().map(Payability.PaymentMode::kind).toList());
        assertEquals("reference", refused(account, request("CARD_TERMINAL", null, null, null)).field());
        assertEquals("CARD_TERMINAL", CounterPayments.checkMode(account, request("CARD_TERMINAL", null, null,
                "000123")).code());
    }
}
