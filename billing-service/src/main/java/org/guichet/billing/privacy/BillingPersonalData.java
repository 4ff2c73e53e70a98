package org.guichet.billing.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.db.NativeSql;
import org.guichet.platform.privacy.PersonalData;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.platform.privacy.RecordSets;
import org.guichet.platform.text.SearchText;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What billing holds about a person: their account (name, city, postal code, phone, email, language,
 * patron type, registration), its bills with their history, refunds, loans, credit and blocks. Bills hold
 * no payer data; the free-text notes staff wrote on the account's and its bills' history may, and go with
 * the rest. Amounts, numbers, dates, states and operators stay (R8, R17).
 */
@ApplicationScoped
public class BillingPersonalData implements PersonalData {
    static final RecordSets EXPORT = RecordSets.of()
            .kind("account", "select * from account where tenant = $1 and account_id = $2")
            .kind("accountHistory", "select * from account_history where tenant = $1 and account_id = $2 order by occurred_at")
            .kind("invoices", "select * from invoice where tenant = $1 and account_id = $2 order by created_at")
            .kind("invoiceHistory", """
                    select h.* from invoice_history h join invoice i on i.id = h.invoice_id
                    where i.tenant = $1 and i.account_id = $2 order by h.occurred_at""")
            .kind("refunds", "select * from refund where tenant = $1 and account_id = $2 order by requested_at")
            .kind("loans", "select * from loan where tenant = $1 and account_id = $2 order by created_at")
            .kind("credit", "select * from account_credit where tenant = $1 and account_id = $2")
            .kind("creditMovements", "select * from credit_movement where tenant = $1 and account_id = $2 order by occurred_at")
            .kind("blocks", "select * from account_block where tenant = $1 and account_id = $2");

    /** The account's personal data replaced; only once (a pseudonymised account keeps its first pseudonym). */
    static final String ACCOUNT = """
            update account set name = ?3, name_folded = ?4, city = null, city_folded = null, postal_code = null,
                   phone = null, phone_digits = null, email = case when email is null then null else ?5 end,
                   pseudonym = ?3, pseudonymised_at = ?6, updated_at = ?6
            where tenant = ?1 and account_id = ?2 and pseudonymised_at is null""";
    static final String INVOICE_NOTES = """
            update invoice_history h set notes = null from invoice i
            where i.id = h.invoice_id and i.tenant = ?1 and i.account_id = ?2 and h.notes is not null""";
    static final String ACCOUNT_NOTES = """
            update account_history set notes = null where tenant = ?1 and account_id = ?2 and notes is not null""";
    static final String OLD_INVOICE_NOTES = """
            update invoice_history set notes = null where tenant = ?1 and occurred_at < ?2 and notes is not null""";
    static final String OLD_ACCOUNT_NOTES = """
            update account_history set notes = null where tenant = ?1 and occurred_at < ?2 and notes is not null""";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    @Override
    public Uni<Void> pseudonymise(String tenant, String accountId, String pseudonym) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return NativeSql.execute(ACCOUNT, tenant, accountId, pseudonym, SearchText.fold(pseudonym),
                        Pseudonym.email(pseudonym), now)
                .call(() -> NativeSql.execute(INVOICE_NOTES, tenant, accountId))
                .call(() -> NativeSql.execute(ACCOUNT_NOTES, tenant, accountId))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> pseudonymiseBefore(String tenant, Instant before) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        return NativeSql.execute(OLD_INVOICE_NOTES, tenant, cutoff)
                .call(() -> NativeSql.execute(OLD_ACCOUNT_NOTES, tenant, cutoff))
                .replaceWithVoid();
    }

    @Override
    public Uni<Map<String, List<Map<String, Object>>>> export(String tenant, String accountId) {
        return EXPORT.read(pool, tenant, accountId);
    }
}
