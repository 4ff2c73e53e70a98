package org.guichet.cart.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.db.NativeSql;
import org.guichet.platform.privacy.PersonalData;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.platform.privacy.RecordSets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What cart-service holds about a person: their procedure requests (with the name and email they gave
 * for it), what they could pay, their cart and checkouts. Only the requests carry personal data beyond
 * the account id; pseudonymising replaces their payer's name and email and keeps the procedure, criteria,
 * amount, state, payment, dates and the agent's reason for a refusal.
 */
@ApplicationScoped
public class CartPersonalData implements PersonalData {
    static final RecordSets EXPORT = RecordSets.of()
            .kind("requests", "select * from procedure_request where tenant = $1 and owner = $2 order by created_at")
            .kind("payables", "select * from payable_item where tenant = $1 and owner = $2 order by created_at")
            .kind("cart", """
                    select c.* from cart_item c join payable_item p on p.id = c.payable_id
                    where p.tenant = $1 and c.owner = $2 order by c.added_at""")
            .kind("checkouts", "select * from checkout where tenant = $1 and owner = $2 order by created_at")
            .kind("checkoutPayments", """
                    select cp.* from checkout_payment cp join checkout c on c.id = cp.checkout_id
                    where c.tenant = $1 and c.owner = $2 order by c.created_at, cp.position""");

    /** %1$s the requests in scope, %2$s the pseudonym of their owner. */
    static final String REQUESTS = """
            update procedure_request set payer_name = case when payer_name is null then null else %2$s end,
                   payer_email = case when payer_email is null then null else %3$s end
            where %1$s and (coalesce(payer_name, 'pseudonym-') not like 'pseudonym-%%'
                            or coalesce(payer_email, 'pseudonym-') not like 'pseudonym-%%')""";

    @Inject
    Pool pool;

    @Override
    public Uni<Void> pseudonymise(String tenant, String subject, String pseudonym) {
        return NativeSql.execute(REQUESTS.formatted("tenant = ?1 and owner = ?2", "?3", Pseudonym.emailSql("?3")),
                tenant, subject, pseudonym).replaceWithVoid();
    }

    @Override
    public Uni<Void> pseudonymiseBefore(String tenant, Instant before) {
        String pseudonym = Pseudonym.sql("?1", "owner");
        return NativeSql.execute(REQUESTS.formatted("tenant = ?1 and created_at < ?2", pseudonym,
                        Pseudonym.emailSql(pseudonym)), tenant, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .replaceWithVoid();
    }

    @Override
    public Uni<Map<String, List<Map<String, Object>>>> export(String tenant, String subject) {
        return EXPORT.read(pool, tenant, subject);
    }
}
