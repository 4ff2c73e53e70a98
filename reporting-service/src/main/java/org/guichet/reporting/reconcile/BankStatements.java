package org.guichet.reporting.reconcile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.Ids;
import org.guichet.platform.bank.StructuredCommunication;
import org.guichet.platform.error.Problems;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bank statements in, matched with the payments the read model knows (R23): a credited line matches a
 * settled payment of the same amount and currency whose reference its remittance carries — as written
 * (KLADNO-LIBRARY-000123) or as the twelve digits of a Belgian structured communication. Each payment
 * matches one line at most; a payout of many payments matches each of its detail lines, or — one credit
 * for a gateway's payout — the settlement report that names it (see {@link SettlementReports}). A statement
 * imported twice is refused and changes nothing.
 */
@ApplicationScoped
public class BankStatements {
    private static final Pattern STRUCTURED = Pattern.compile("[+*]{0,3}\\d{3}/?\\d{4}/?\\d{5}[+*]{0,3}");
    private static final String MATCH = "select cast(t.payment_id as text) from transaction_record t where t.tenant = ?1 "
            + "and t.status = 'SETTLED' and t.total = ?2 and t.currency = ?3 and t.reference is not null "
            + "and (position(upper(t.reference) in ?4) > 0 or regexp_replace(t.reference, '[^0-9]', '', 'g') = any(?5)) "
            + "and not exists (select 1 from bank_line b where b.matched_payment_id = t.payment_id) "
            + "order by t.settled_at limit 1";

    @Inject
    Clock clock;
    @Inject
    SettlementReports settlements;

    public record Imported(String id, String statementId, String accountIban, int lines, int matched) {
    }

    public Uni<Imported> importStatement(String tenant, String operator, String xml) {
        Camt053.Statement statement = Camt053.read(xml);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "select count(*) from bank_statement where tenant = ?1 and account_iban = ?2 and statement_id = ?3",
                                Long.class).setParameter(1, tenant).setParameter(2, statement.accountIban())
                        .setParameter(3, statement.id()).getSingleResult()
                        .flatMap(already -> {
                            if (already > 0) {
                                throw Problems.conflict("statement-already-imported", "Statement " + statement.id()
                                        + " of " + statement.accountIban() + " was imported already");
                            }
                            UUID id = Ids.newId();
                            Instant now = clock.instant();
                            return s.createNativeQuery("insert into bank_statement (id, tenant, account_iban, statement_id, "
                                            + "lines, imported_by, imported_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                                    .setParameter(1, id).setParameter(2, tenant).setParameter(3, statement.accountIban())
                                    .setParameter(4, statement.id()).setParameter(5, statement.lines().size())
                                    .setParameter(6, operator).setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                                    .executeUpdate()
                                    .flatMap(x -> lines(s, tenant, id, statement.lines()))
                                    .map(matched -> new Imported(id.toString(), statement.id(), statement.accountIban(),
                                            statement.lines().size(), matched));
                        })));
    }

    /** Stores the lines in order, matching each credited one to a payment or a gateway's payout; answers how many matched. */
    private Uni<Integer> lines(Mutiny.Session s, String tenant, UUID statement, List<Camt053.Line> lines) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Camt053.Line line : lines) {
            chain = chain.flatMap(count -> match(s, tenant, line).flatMap(payment -> (payment != null
                            || !line.credit() || line.remittance() == null ? Uni.createFrom().<UUID>nullItem()
                            : settlements.payoutOf(s, tenant, line))
                    .flatMap(payout -> s.createNativeQuery(
                            "insert into bank_line (id, statement_id, tenant, booked_on, amount, currency, credit, remittance, "
                                    + "bank_reference, matched_payment_id, matched_settlement) values (?1, ?2, ?3, ?4, ?5, ?6, "
                                    + "?7, ?8, ?9, ?10, ?11)")
                    .setParameter(1, Ids.newId()).setParameter(2, statement).setParameter(3, tenant)
                    .setParameter(4, line.bookedOn()).setParameter(5, line.amount()).setParameter(6, line.currency())
                    .setParameter(7, line.credit()).setParameter(8, line.remittance())
                    .setParameter(9, line.bankReference()).setParameter(10, payment).setParameter(11, payout)
                    .executeUpdate().map(x -> payment == null && payout == null ? count : count + 1))));
        }
        return chain;
    }

    private Uni<UUID> match(Mutiny.Session s, String tenant, Camt053.Line line) {
        if (!line.credit() || line.remittance() == null || line.remittance().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        List<String> digits = new ArrayList<>();
        Matcher m = STRUCTURED.matcher(line.remittance());
        while (m.find()) {
            StructuredCommunication.parse(m.group()).ifPresent(digits::add);
        }
        return s.createNativeQuery(MATCH, String.class).setParameter(1, tenant).setParameter(2, line.amount())
                .setParameter(3, line.currency()).setParameter(4, line.remittance().toUpperCase(java.util.Locale.ROOT))
                .setParameter(5, digits.toArray(new String[0])).getResultList()
                .map(found -> found.isEmpty() ? null : UUID.fromString(found.get(0)));
    }

    public record Reconciliation(long matched, List<BankLineView> unmatchedCredits, List<UnseenPayment> unseenPayments,
                                 List<PayoutView> payouts) {
    }

    public record BankLineView(String id, String bookedOn, long amount, String currency, String remittance,
                               String bankReference) {
    }

    public record UnseenPayment(String paymentId, String reference, long total, String currency, String settledAt) {
    }

    /** A gateway's settlement: its payments, how many matched a transaction, and whether the bank shows it. */
    public record PayoutView(String settlementId, String gateway, String reference, long amount, String currency,
                             long payments, long matchedPayments, boolean onBank) {
    }

    /**
     * What matched, the credits nobody claims, settled payments the bank has not shown after {@code days}
     * (neither themselves nor in a payout), and the gateways' payouts.
     */
    public Uni<Reconciliation> reconciliation(String tenant, int days) {
        if (days < 0 || days > 366) {
            throw Problems.invalid("days must be between 0 and 366",
                    new org.guichet.platform.error.FieldError("days", "0 to 366"));
        }
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "select count(*) from bank_line where tenant = ?1 and (matched_payment_id is not null "
                                        + "or matched_settlement is not null)", Long.class)
                        .setParameter(1, tenant).getSingleResult()
                        .flatMap(matched -> s.createNativeQuery("select cast(id as text), cast(booked_on as text), amount, "
                                        + "currency, remittance, bank_reference from bank_line where tenant = ?1 and credit "
                                        + "and matched_payment_id is null and matched_settlement is null order by booked_on, id",
                                        Object[].class)
                                .setParameter(1, tenant).getResultList()
                                .flatMap(lines -> s.createNativeQuery("select cast(t.payment_id as text), t.reference, t.total, "
                                                + "t.currency, cast(t.settled_at as text) from transaction_record t where t.tenant = ?1 "
                                                + "and t.status = 'SETTLED' and t.settled_at < ?2 and not exists (select 1 from "
                                                + "bank_line b where b.matched_payment_id = t.payment_id) and not exists (select 1 "
                                                + "from settlement_payment p join bank_line b on b.matched_settlement = p.settlement "
                                                + "where p.matched_payment_id = t.payment_id) order by t.settled_at limit 1000",
                                                Object[].class)
                                        .setParameter(1, tenant).setParameter(2, before).getResultList()
                                        .flatMap(unseen -> s.createNativeQuery("select g.settlement_id, g.gateway, g.reference, "
                                                        + "g.amount, g.currency, (select count(*) from settlement_payment p where "
                                                        + "p.settlement = g.id), (select count(*) from settlement_payment p where "
                                                        + "p.settlement = g.id and p.matched_payment_id is not null), exists (select 1 "
                                                        + "from bank_line b where b.matched_settlement = g.id) from gateway_settlement g "
                                                        + "where g.tenant = ?1 order by g.settled_at desc nulls last, g.imported_at desc "
                                                        + "limit 200", Object[].class)
                                                .setParameter(1, tenant).getResultList()
                                                .map(payouts -> new Reconciliation(matched,
                                                        lines.stream().map(r -> new BankLineView((String) r[0],
                                                                (String) r[1], ((Number) r[2]).longValue(), (String) r[3],
                                                                (String) r[4], (String) r[5])).toList(),
                                                        unseen.stream().map(r -> new UnseenPayment((String) r[0],
                                                                (String) r[1], ((Number) r[2]).longValue(), (String) r[3],
                                                                (String) r[4])).toList(),
                                                        payouts.stream().map(r -> new PayoutView((String) r[0], (String) r[1],
                                                                (String) r[2], ((Number) r[3]).longValue(), (String) r[4],
                                                                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                                                                (Boolean) r[7])).toList())))))));
    }
}
