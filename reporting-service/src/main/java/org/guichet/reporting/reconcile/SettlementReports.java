package org.guichet.reporting.reconcile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.Ids;
import org.guichet.platform.error.Problems;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The gateways' settlement reports (R23): a gateway pays many payments out in one bank transfer, less its
 * fees. Importing a report (Mollie's) records the payout and matches each payment it lists to a settled
 * transaction by the gateway's reference and amount; the payout itself is matched to the bank credit that
 * carries its reference and amount — now, or when that statement is imported later. A payment whose payout
 * is on the bank is no longer "not seen on the bank". A report imported twice is refused and changes nothing.
 */
@ApplicationScoped
public class SettlementReports {
    static final String MOLLIE = "mollie";

    @Inject
    Clock clock;

    public record Imported(String id, String settlementId, String reference, int payments, int matchedPayments,
                           boolean onBank) {
    }

    public Uni<Imported> importMollie(String tenant, String operator, String json) {
        MollieSettlement.Report report = MollieSettlement.read(json);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select count(*) from gateway_settlement where tenant = ?1 and gateway = ?2 and settlement_id = ?3",
                        Long.class).setParameter(1, tenant).setParameter(2, MOLLIE).setParameter(3, report.id())
                .getSingleResult().flatMap(already -> {
                    if (already > 0) {
                        throw Problems.conflict("settlement-already-imported", "Settlement " + report.id()
                                + " was imported already");
                    }
                    UUID id = Ids.newId();
                    return s.createNativeQuery("insert into gateway_settlement (id, tenant, gateway, settlement_id, "
                                    + "reference, amount, currency, settled_at, imported_by, imported_at) values "
                                    + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                            .setParameter(1, id).setParameter(2, tenant).setParameter(3, MOLLIE)
                            .setParameter(4, report.id()).setParameter(5, report.reference())
                            .setParameter(6, report.amount()).setParameter(7, report.currency())
                            .setParameter(8, report.settledAt() == null ? null
                                    : OffsetDateTime.ofInstant(report.settledAt(), ZoneOffset.UTC))
                            .setParameter(9, operator).setParameter(10, OffsetDateTime.now(clock))
                            .executeUpdate()
                            .flatMap(x -> payments(s, tenant, id, report.payments()))
                            .flatMap(matched -> payoutOnBank(s, tenant, id, report)
                                    .map(onBank -> new Imported(id.toString(), report.id(), report.reference(),
                                            report.payments().size(), matched, onBank)));
                })));
    }

    /** Stores the payments of the payout, each matched to the settled transaction the gateway knows it by. */
    private static Uni<Integer> payments(Mutiny.Session s, String tenant, UUID settlement,
                                         List<MollieSettlement.Payment> payments) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (MollieSettlement.Payment p : payments) {
            chain = chain.flatMap(count -> s.createNativeQuery("insert into settlement_payment (settlement, gateway_ref, "
                            + "amount, currency, matched_payment_id) values (?1, ?2, ?3, ?4, (select t.payment_id from "
                            + "transaction_record t where t.tenant = ?5 and t.gateway = ?6 and t.gateway_ref = ?2 "
                            + "and t.status = 'SETTLED' and t.total = ?3 and t.currency = ?4 limit 1)) "
                            + "on conflict do nothing returning matched_payment_id is not null", Boolean.class)
                    .setParameter(1, settlement).setParameter(2, p.id()).setParameter(3, p.amount())
                    .setParameter(4, p.currency()).setParameter(5, tenant).setParameter(6, MOLLIE)
                    .getResultList().map(found -> found.contains(Boolean.TRUE) ? count + 1 : count));
        }
        return chain;
    }

    /** A bank credit already imported that is this payout: same amount and currency, its reference in the remittance. */
    private static Uni<Boolean> payoutOnBank(Mutiny.Session s, String tenant, UUID settlement,
                                             MollieSettlement.Report report) {
        if (report.reference() == null || report.reference().isBlank()) {
            return Uni.createFrom().item(false);
        }
        return s.createNativeQuery("update bank_line set matched_settlement = ?1 where id = (select b.id from bank_line b "
                        + "where b.tenant = ?2 and b.credit and b.matched_payment_id is null and b.matched_settlement is null "
                        + "and b.amount = ?3 and b.currency = ?4 and position(?5 in upper(b.remittance)) > 0 "
                        + "order by b.booked_on limit 1)")
                .setParameter(1, settlement).setParameter(2, tenant).setParameter(3, report.amount())
                .setParameter(4, report.currency()).setParameter(5, report.reference().toUpperCase(Locale.ROOT))
                .executeUpdate().map(updated -> updated > 0);
    }

    /** The payout a bank credit is, if a report imported earlier names it (for a statement being imported). */
    Uni<UUID> payoutOf(Mutiny.Session s, String tenant, Camt053.Line line) {
        return s.createNativeQuery("select cast(g.id as text) from gateway_settlement g where g.tenant = ?1 "
                        + "and g.amount = ?2 and g.currency = ?3 and g.reference is not null "
                        + "and position(upper(g.reference) in ?4) > 0 "
                        + "and not exists (select 1 from bank_line b where b.matched_settlement = g.id) limit 1", String.class)
                .setParameter(1, tenant).setParameter(2, line.amount()).setParameter(3, line.currency())
                .setParameter(4, line.remittance().toUpperCase(Locale.ROOT)).getResultList()
                .map(found -> found.isEmpty() ? null : UUID.fromString(found.get(0)));
    }
}
