package org.guichet.payment.privacy;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.payment.transfer.SepaCreditTransfer;
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
 * What payment-service holds about a person: their payments (payer name, email and language), the
 * transitions and refunds of those, refunds by transfer (account holder, IBAN, BIC), addresses receipts
 * were sent to, and the gateways' callbacks about those payments as received (a gateway may send the
 * cardholder's name). A payment is the person's when they own it and it is for their institution (a
 * counter payment taken by a group library carries the account's institution on its lines, R10).
 * Pseudonymising keeps every amount, reference, date, régie, state, line, cheque number and receipt
 * number; refunds by transfer still waiting for their money keep their bank details.
 */
@ApplicationScoped
public class PaymentPersonalData implements PersonalData {
    /** The institution a payment is for: its lines', else the one that took it. */
    static final String INSTITUTION = "coalesce(cast(p.lines as jsonb) -> 0 ->> 'tenant', p.tenant)";
    static final String OF_SUBJECT = INSTITUTION + " = ?1 and p.owner = ?2";
    static final String BEFORE = INSTITUTION + " = ?1 and p.created_at < ?2";
    static final String EXPORT_OWN = "coalesce(cast(p.lines as jsonb) -> 0 ->> 'tenant', p.tenant) = $1 and p.owner = $2";

    static final RecordSets EXPORT = RecordSets.of()
            .kind("payments", "select p.* from payment p where " + EXPORT_OWN + " order by p.created_at")
            .kind("transitions", "select t.* from payment_transition t join payment p on p.id = t.payment_id where "
                    + EXPORT_OWN + " order by t.occurred_at")
            .kind("refunds", "select r.* from payment_refund r join payment p on p.id = r.payment_id where "
                    + EXPORT_OWN + " order by r.created_at")
            // everything of a refund by transfer but its form's token (a secret link)
            .kind("refundsByTransfer", """
                    select m.id, m.payment_id, m.payment_ref, m.refund_id, m.invoice_id, m.tenant, m.regie, m.amount,
                           m.currency, m.reason, m.state, m.holder_name, m.iban, m.bic, m.batch_id, m.created_at,
                           m.details_at, m.executed_at
                    from manual_refund m join payment p on p.id = m.payment_id where """ + " " + EXPORT_OWN
                    + " order by m.created_at")
            .kind("automaticRefunds", "select a.* from automatic_refund a join payment p on p.id = a.payment_id where "
                    + EXPORT_OWN + " order by a.created_at")
            .kind("receiptEmails", "select r.* from receipt_email r join payment p on p.id = r.payment_id where "
                    + EXPORT_OWN + " order by r.requested_at")
            .kind("gatewayCallbacks", """
                    select c.* from callback_inbox c join payment p on c.gateway = p.gateway and c.gateway_ref = p.gateway_ref
                    where """ + " " + EXPORT_OWN + " order by c.received_at");

    /** %1$s the payments in scope (alias p), %2$s the pseudonym of their owner. */
    static final String TRANSFERS = """
            select m.id, m.batch_id, m.holder_name, m.iban, %2$s from manual_refund m join payment p on p.id = m.payment_id
            where %1$s and m.state in ('EXECUTED', 'CANCELLED')
              and (m.iban is not null or m.bic is not null or m.holder_name not like 'pseudonym-%%')""";
    static final String PAYMENTS = """
            update payment p set payer_name = case when p.payer_name is null then null else %2$s end,
                   payer_email = case when p.payer_email is null then null else %3$s end
            where %1$s and (coalesce(p.payer_name, 'pseudonym-') not like 'pseudonym-%%'
                            or coalesce(p.payer_email, 'pseudonym-') not like 'pseudonym-%%')""";
    static final String RECEIPT_EMAILS = """
            update receipt_email r set email = %3$s from payment p
            where p.id = r.payment_id and %1$s and r.email not like 'pseudonym-%%'""";
    /** Raw callbacks (processed ones; one still to apply is kept until it is). */
    static final String CALLBACKS = """
            update callback_inbox c set headers = '', body = '' from payment p
            where c.gateway = p.gateway and c.gateway_ref = p.gateway_ref and %1$s
              and c.processed_at is not null and (c.headers <> '' or c.body <> '')""";

    @Inject
    Pool pool;

    @Override
    public Uni<Void> pseudonymise(String tenant, String subject, String pseudonym) {
        return erase(OF_SUBJECT, "?3", tenant, subject, pseudonym);
    }

    @Override
    public Uni<Void> pseudonymiseBefore(String tenant, Instant before) {
        return erase(BEFORE, Pseudonym.sql("?1", "p.owner"), tenant, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
    }

    private Uni<Void> erase(String scope, String pseudonym, Object... params) {
        String email = Pseudonym.emailSql(pseudonym);
        return NativeSql.rows(TRANSFERS.formatted(scope, pseudonym), params)
                .flatMap(transfers -> Multi.createFrom().iterable(transfers)
                        .onItem().transformToUniAndConcatenate(PaymentPersonalData::eraseTransfer)
                        .collect().asList())
                .flatMap(x -> NativeSql.execute(PAYMENTS.formatted(scope, pseudonym, email), params))
                .flatMap(x -> NativeSql.execute(RECEIPT_EMAILS.formatted(scope, pseudonym, email), params))
                .flatMap(x -> NativeSql.execute(CALLBACKS.formatted(scope), params))
                .replaceWithVoid();
    }

    /** One refund by transfer: its holder and account, also in the transfer file that carried it. */
    private static Uni<Integer> eraseTransfer(Object[] row) {
        Object id = row[0];
        Object batch = row[1];
        String holder = (String) row[2];
        String iban = (String) row[3];
        String pseudonym = (String) row[4];
        Uni<Integer> document = batch == null ? Uni.createFrom().item(0)
                : NativeSql.column("select document from transfer_batch where id = ?1 for update", String.class, batch)
                .flatMap(docs -> docs.isEmpty() ? Uni.createFrom().item(0)
                        : NativeSql.execute("update transfer_batch set document = ?2 where id = ?1", batch,
                        SepaCreditTransfer.withoutCreditor(docs.get(0), holder, iban, pseudonym)));
        return document.flatMap(x -> NativeSql.execute(
                "update manual_refund set holder_name = ?2, iban = null, bic = null where id = ?1", id, pseudonym));
    }

    @Override
    public Uni<Map<String, List<Map<String, Object>>>> export(String tenant, String subject) {
        return EXPORT.read(pool, tenant, subject);
    }
}
