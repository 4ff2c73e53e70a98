package org.guichet.billing.invoice;

import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property test, seeded and reproducible: random payments, waives, cancels and refunds over random
 * bills never create or lose a cent — for every bill amount = paid + waived + outstanding (a
 * cancelled bill: nothing paid or waived), refunds never exceed what was paid, and a refused
 * operation changes nothing.
 */
class MoneyInvariantsTest {

    @RepeatedTest(200)
    void no_cent_is_created_or_lost_whatever_happens_to_the_bills(RepetitionInfo run) {
        Random r = new Random(run.getCurrentRepetition());
        List<Invoice> bills = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(6); i++) {
            bills.add(bill(1 + r.nextInt(20_000)));
        }
        long offered = 0;
        long taken = 0;
        for (int step = 0; step < 60; step++) {
            Invoice b = bills.get(r.nextInt(bills.size()));
            long before = snapshot(b);
            InvoiceState stateBefore = b.state;
            long amount = r.nextInt(10) == 0 ? -r.nextInt(100) : r.nextInt(25_000);
            int operation = r.nextInt(4);
            try {
                switch (operation) {
                    case 0 -> {
                        offered += Math.max(0, amount);
                        taken += b.applyPayment(amount);
                    }
                    case 1 -> b.waive(amount);
                    case 2 -> b.cancel();
                    default -> b.refund(amount);
                }
            } catch (ProblemException refused) {
                if (refused.status() < 500) {
                    assertEquals(before, snapshot(b), "a refused operation changed the bill");
                    assertEquals(stateBefore, b.state);
                    if (operation == 0 && amount > 0 && refused.slug().equals("invoice-settled")) {
                        offered -= amount;
                    }
                }
            }
            for (Invoice x : bills) {
                if (x.state == InvoiceState.CANCELLED) {
                    assertEquals(0, x.paid + x.waived, "a cancelled bill had money");
                } else {
                    assertEquals(x.amount, x.paid + x.waived + x.outstanding(), "amount = paid + waived + outstanding");
                    assertTrue(x.outstanding() >= 0, "never more than the bill");
                    assertEquals(x.outstanding() == 0, x.state.isClosed(), "settled exactly when nothing is owed");
                }
                assertTrue(x.refunded >= 0 && x.refunded <= x.paid, "refunds within what was paid");
            }
        }
        long paid = bills.stream().mapToLong(b -> b.paid).sum();
        assertEquals(taken, paid, "every cent taken is on a bill");
        assertTrue(taken <= offered, "a bill never takes more than it was offered");
    }

    static Invoice bill(long amount) {
        Invoice i = new Invoice();
        i.id = UUID.randomUUID();
        i.number = "T-" + i.id.toString().substring(0, 4);
        i.amount = amount;
        i.state = InvoiceState.OPEN;
        return i;
    }

    static long snapshot(Invoice b) {
        return b.paid * 1_000_003L + b.waived * 7919L + b.refunded * 31L + b.state.ordinal();
    }
}
