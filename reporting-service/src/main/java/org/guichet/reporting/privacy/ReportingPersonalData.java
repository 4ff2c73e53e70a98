package org.guichet.reporting.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventJson;
import org.guichet.platform.db.NativeSql;
import org.guichet.platform.db.SessionSql;
import org.guichet.platform.privacy.PersonalData;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.platform.privacy.RecordSets;
import org.guichet.reporting.transaction.TransactionRecord;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the read model holds about a person: the transactions they paid (with their name, searchable),
 * their refunds and timelines, and the bank lines and gateway payouts matched to them (a bank's
 * remittance may name the payer). Pseudonymising replaces the name — in the line and in the search text,
 * so the back office no longer finds them by it — and nothing else: reference, date, total, lines,
 * régie, status, refunds and the matches with the bank stay, so totals and reconciliation are the same
 * before and after. The decisions are kept ({@code pseudonymised_subject}, {@code retention_cutoff}) and
 * every line written from an event goes through {@link #guard}: a replayed or late event does not bring
 * a name back.
 */
@ApplicationScoped
public class ReportingPersonalData implements PersonalData {
    /** The institution a transaction is for: its lines', else the one that took it. */
    static final String INSTITUTION = "coalesce(cast(t.lines as jsonb) -> 0 ->> 'tenant', t.tenant)";
    static final String OWN = "coalesce(cast(t.lines as jsonb) -> 0 ->> 'tenant', t.tenant) = $1 and t.citizen_subject = $2";
    static final int BATCH = 500;

    static final RecordSets EXPORT = RecordSets.of()
            .kind("transactions", "select t.* from transaction_record t where " + OWN + " order by t.created_at")
            .kind("refunds", "select r.* from transaction_refund r join transaction_record t on t.payment_id = r.payment_id "
                    + "where " + OWN + " order by r.refunded_at")
            .kind("events", "select e.* from event_log e join transaction_record t on e.subject_id = t.payment_id::text "
                    + "where " + OWN + " order by e.occurred_at")
            .kind("bankLines", "select b.* from bank_line b join transaction_record t on t.payment_id = b.matched_payment_id "
                    + "where " + OWN + " order by b.booked_on")
            .kind("gatewayPayouts", "select s.* from settlement_payment s join transaction_record t "
                    + "on t.payment_id = s.matched_payment_id where " + OWN);

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    @Override
    public Uni<Void> pseudonymise(String tenant, String subject, String pseudonym) {
        return NativeSql.execute("insert into pseudonymised_subject (tenant, subject, pseudonym, applied_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing", tenant, subject, pseudonym, now())
                .flatMap(x -> rename(INSTITUTION + " = ?1 and t.citizen_subject = ?2", r -> pseudonym, tenant, subject));
    }

    @Override
    public Uni<Void> pseudonymiseBefore(String tenant, Instant before) {
        OffsetDateTime cutOff = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        return NativeSql.execute("insert into retention_cutoff (tenant, before, applied_at) values (?1, ?2, ?3) "
                        + "on conflict (tenant) do update set before = greatest(retention_cutoff.before, excluded.before), "
                        + "applied_at = excluded.applied_at", tenant, cutOff, now())
                .flatMap(x -> rename(INSTITUTION + " = ?1 and t.created_at < ?2",
                        r -> Pseudonym.of(tenant, r.citizenSubject), tenant, cutOff));
    }

    /** The lines in scope that still carry a name get their pseudonym, a batch at a time (bounded memory). */
    private Uni<Void> rename(String scope, Function<TransactionRecord, String> pseudonym, Object... params) {
        String sql = "select t.* from transaction_record t where " + scope + " and t.citizen_name is not null "
                + "and t.citizen_name not like '" + Pseudonym.PREFIX + "%' limit " + BATCH;
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, TransactionRecord.class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList().flatMap(page -> {
                page.forEach(r -> {
                    r.citizenName = pseudonym.apply(r);
                    r.refreshSearchText();
                });
                Uni<Void> written = session.flush().invoke(session::clear);
                return page.size() < BATCH ? written : written.flatMap(x -> rename(scope, pseudonym, params));
            });
        });
    }

    /**
     * Before a line written from an event is saved: a payer pseudonymised, or a transaction older than its
     * institution's cut-off, gets the pseudonym instead of the name the event carried. In the ingestor's
     * transaction.
     */
    public Uni<Void> guard(TransactionRecord r) {
        if (r.citizenName == null || Pseudonym.isPseudonym(r.citizenName)) {
            return Uni.createFrom().voidItem();
        }
        String institution = institution(r);
        // on every line the read model writes: SessionSql, not a Hibernate native select (see SessionSql)
        return SessionSql.rows("select (select pseudonym from pseudonymised_subject where tenant = $1 and subject = $2), "
                        + "exists (select 1 from retention_cutoff where tenant = $1 and before > $3)", institution,
                        r.citizenSubject, OffsetDateTime.ofInstant(r.createdAt, ZoneOffset.UTC))
                .invoke(rows -> {
                    Object[] row = rows.get(0);
                    if (row[0] != null) {
                        r.citizenName = (String) row[0];
                    } else if (Boolean.TRUE.equals(row[1])) {
                        r.citizenName = Pseudonym.of(institution, r.citizenSubject);
                    }
                })
                .replaceWithVoid();
    }

    static String institution(TransactionRecord r) {
        try {
            String lineTenant = EventJson.MAPPER.readTree(r.lines).path(0).path("tenant").asText("");
            return lineTenant.isEmpty() ? r.tenant : lineTenant;
        } catch (IOException e) {
            return r.tenant;
        }
    }

    @Override
    public Uni<Map<String, List<Map<String, Object>>>> export(String tenant, String subject) {
        return EXPORT.read(pool, tenant, subject);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
