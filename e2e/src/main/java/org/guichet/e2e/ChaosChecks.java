package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * What must hold after a scenario, checked in the services' databases and on the topics rather than taken
 * from their APIs: nothing committed is left unpublished, everything published is consumed, each bill
 * answered as created is paid exactly once — one settled payment, one PAYMENT line, one PaymentSettled,
 * one line in the read model, one receipt — and the money adds up the same in every service.
 */
final class ChaosChecks {
    /** What the scenario moved: events relayed and applied, duplicates the topics carried, the money checked. */
    record Tally(long eventsSent, long eventsApplied, long duplicatesOnTopics, String money, Duration drained) {
    }

    private ChaosChecks() {
    }

    static Tally verify(ChaosSuite suite, List<ChaosJourney.Bill> bills, Instant since, boolean receipts) {
        SuiteData data = suite.data;
        Instant drainStart = Instant.now();
        await("every outbox drains to Kafka", Duration.ofMinutes(3), () -> data.outboxBacklog() == 0);
        await("every consumer group reads to the end", Duration.ofMinutes(3), () -> data.consumerLag() == 0);
        Duration drained = Duration.between(drainStart, Instant.now());

        int n = bills.size();
        List<String> payments = bills.stream().map(ChaosJourney.Bill::paymentId).toList();
        List<String> invoices = bills.stream().map(ChaosJourney.Bill::invoiceId).toList();
        long money = bills.stream().mapToLong(ChaosJourney.Bill::amount).sum();

        same(n, data.count("payment", "select count(*) from payment where state = 'SETTLED' and id::text = any(?)", payments),
                "one settled payment per bill");
        same(money, data.count("payment", "select coalesce(sum(amount), 0) from payment where id::text = any(?)", payments),
                "payment-service took the billed amounts");
        same(n, data.count("billing", "select count(*) from invoice where state = 'PAID' and id::text = any(?)", invoices),
                "every bill PAID");
        same(n, data.count("billing", "select count(*) from invoice_history where action = 'PAYMENT' "
                + "and invoice_id::text = any(?)", invoices), "one PAYMENT line per bill");
        same(money, data.count("billing", "select coalesce(sum(amount), 0) from invoice_history where action = 'PAYMENT' "
                + "and invoice_id::text = any(?)", invoices), "billing applied the amounts once");
        same(n, data.count("reporting", "select count(*) from transaction_record where status = 'SETTLED' "
                + "and payment_id::text = any(?)", payments), "the read model has each payment once, settled");
        same(money, data.count("reporting", "select coalesce(sum(total), 0) from transaction_record "
                + "where payment_id::text = any(?)", payments), "the read model's totals equal the payments'");

        Set<String> ours = new HashSet<>(payments);
        Map<String, Set<String>> settledEvents = new HashMap<>();
        Map<String, Integer> perEvent = new HashMap<>();
        for (SuiteData.Event e : data.readAll()) {
            if (e.timestamp().isBefore(since.minusSeconds(1))) {
                continue;
            }
            perEvent.merge(e.eventId(), 1, Integer::sum);
            if ("PaymentSettled".equals(e.type()) && ours.contains(e.key())) {
                settledEvents.computeIfAbsent(e.key(), k -> new HashSet<>()).add(e.eventId());
            }
        }
        same(n, settledEvents.size(), "a PaymentSettled on the topic for every payment");
        settledEvents.forEach((payment, events) -> same(1, events.size(), "one PaymentSettled (one event id) for " + payment));
        long duplicates = perEvent.values().stream().mapToLong(c -> c - 1).sum();

        if (receipts) {
            for (ChaosJourney.Bill b : bills) {
                await("the receipt email of " + b.email(), Duration.ofMinutes(3), () -> receipts(suite, b.email()) >= 1);
            }
            ChaosSuite.sleep(3000); // a second copy would be on its way by now
            for (ChaosJourney.Bill b : bills) {
                same(1, receipts(suite, b.email()), "one receipt email for " + b.email());
            }
        }
        return new Tally(perEvent.size(), data.appliedSince(since), duplicates, money(bills), drained);
    }

    /** Receipts in a citizen's mailbox on the suite's GreenMail. */
    static int receipts(ChaosSuite suite, String email) {
        Http.Reply r = Http.get(suite.urls.mailbox() + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "/messages/INBOX", null);
        if (r.status() != 200) {
            return 0;
        }
        int n = 0;
        for (JsonNode m : r.json()) {
            n += m.path("subject").asText().startsWith("Payment receipt") ? 1 : 0;
        }
        return n;
    }

    static void await(String what, Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e; // a server still coming back
            }
            ChaosSuite.sleep(500);
        }
        throw new JourneyFailure("not within " + patience.toSeconds() + " s: " + what
                + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
    }

    static void same(long expected, long actual, String what) {
        if (expected != actual) {
            throw new JourneyFailure(what + ": expected " + expected + ", found " + actual);
        }
    }

    /** "12 bills, 151.62 CZK" — per currency, in major units (every currency here has two decimals). */
    static String money(List<ChaosJourney.Bill> bills) {
        Map<String, Long> byCurrency = new TreeMap<>();
        bills.forEach(b -> byCurrency.merge(b.currency(), b.amount(), Long::sum));
        StringBuilder s = new StringBuilder(bills.size() + " bills");
        byCurrency.forEach((c, minor) -> s.append(", ").append(minor / 100).append('.')
                .append(String.format("%02d", minor % 100)).append(' ').append(c));
        return s.toString();
    }
}
