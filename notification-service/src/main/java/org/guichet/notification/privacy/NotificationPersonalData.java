package org.guichet.notification.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.notification.delivery.PaymentEmails;
import org.guichet.notification.delivery.RequestEmails;
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
 * What notification-service holds about a person: their contact data (as billing announced it, and as
 * each payment gave it) and the emails about them — those written to them, with their bodies and
 * receipt PDFs, and the agents' notices that name them. Pseudonymising replaces names and the person's
 * addresses, erases the bodies and attachments and keeps who was written to when, with which template,
 * subject line (they name references, never people) and outcome. An email still waiting to be sent is
 * not sent any more.
 */
@ApplicationScoped
public class NotificationPersonalData implements PersonalData {
    /** What an erased email body reads. */
    public static final String ERASED = "[erased: personal data past its retention period]";
    /** A name or address without a known person (written before emails named theirs). */
    static final String UNKNOWN = "'" + Pseudonym.PREFIX + "unknown'";
    /** Emails to the régie's agents: their address stays, their body (it names the citizen) goes. */
    static final String TO_AGENTS = "('" + PaymentEmails.AGENT_NOTICE + "', '" + RequestEmails.REQUEST_READY + "')";
    /** Emails about the person; those written before emails named theirs, by the person's known addresses. */
    static final String ABOUT = """
            d.tenant = $1 and (d.person = $2 or (d.person is null and d.recipient in (
                select email from account_contact where tenant = $1 and account_id = $2
                union select email from payment_contact where tenant = $1 and person = $2)))""";

    static final RecordSets EXPORT = RecordSets.of()
            .kind("contact", "select * from account_contact where tenant = $1 and account_id = $2")
            .kind("paymentContacts", "select * from payment_contact where tenant = $1 and person = $2 order by created_at")
            .kind("emails", "select d.id, d.source_event_id, d.tenant, d.template, d.language, d.recipient, d.subject, "
                    + withoutFormLinks("d.body_text") + " body_text, " + withoutFormLinks("d.body_html") + " body_html, "
                    + "d.status, d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.sent_at, d.attachment, "
                    + "d.attachment_name, d.person from email_delivery d where " + ABOUT + " order by d.created_at");

    /**
     * A refund form link is a credential (whoever holds it gives the refund's bank account, M2): an export
     * shows that there was one, never the link itself.
     */
    static String withoutFormLinks(String column) {
        return "regexp_replace(" + column + ", '/refund-forms/[A-Za-z0-9_-]+', '/refund-forms/[withheld]', 'g')";
    }

    /** %1$s the emails in scope (alias d), %2$s the new address of a citizen's email. */
    static final String EMAILS = """
            update email_delivery d set recipient = case when d.template in %3$s then d.recipient else %2$s end,
                   body_text = '%4$s', body_html = '%4$s', attachment = null,
                   status = case when d.status = 'PENDING' then 'FAILED' else d.status end,
                   last_error = case when d.status = 'PENDING' then 'not sent: personal data erased' else d.last_error end
            where %1$s and d.body_text <> '%4$s'""";
    /** %1$s the payment contacts in scope, %2$s the pseudonym of their person. */
    static final String PAYMENT_CONTACTS = """
            update payment_contact set name = case when name is null then null else %2$s end,
                   email = case when email is null then null else %3$s end
            where %1$s and (coalesce(name, 'pseudonym-') not like 'pseudonym-%%'
                            or coalesce(email, 'pseudonym-') not like 'pseudonym-%%')""";
    static final String ACCOUNT_CONTACT = """
            update account_contact set name = case when name is null then null else ?3 end,
                   email = case when email is null then null else %s end
            where tenant = ?1 and account_id = ?2""".formatted(Pseudonym.emailSql("?3"));

    @Inject
    Pool pool;

    @Override
    public Uni<Void> pseudonymise(String tenant, String subject, String pseudonym) {
        // the emails first: those written before they named their person are found by the contacts' addresses
        String about = ABOUT.replace("$1", "?1").replace("$2", "?2");
        return NativeSql.execute(EMAILS.formatted(about, Pseudonym.emailSql("?3"), TO_AGENTS, ERASED),
                        tenant, subject, pseudonym)
                .flatMap(x -> NativeSql.execute(PAYMENT_CONTACTS.formatted("tenant = ?1 and person = ?2", "?3",
                        Pseudonym.emailSql("?3")), tenant, subject, pseudonym))
                .flatMap(x -> NativeSql.execute(ACCOUNT_CONTACT, tenant, subject, pseudonym))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> pseudonymiseBefore(String tenant, Instant before) {
        OffsetDateTime cutOff = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        String emailOfPerson = "case when d.person is null then " + Pseudonym.emailSql(UNKNOWN) + " else "
                + Pseudonym.emailSql(Pseudonym.sql("?1", "d.person")) + " end";
        String contactPseudonym = "case when person is null then " + UNKNOWN + " else " + Pseudonym.sql("?1", "person")
                + " end";
        return NativeSql.execute(EMAILS.formatted("d.tenant = ?1 and d.created_at < ?2", emailOfPerson, TO_AGENTS,
                        ERASED), tenant, cutOff)
                .flatMap(x -> NativeSql.execute(PAYMENT_CONTACTS.formatted("tenant = ?1 and created_at < ?2",
                        contactPseudonym, Pseudonym.emailSql(contactPseudonym)), tenant, cutOff))
                .replaceWithVoid();
    }

    @Override
    public Uni<Map<String, List<Map<String, Object>>>> export(String tenant, String subject) {
        return EXPORT.read(pool, tenant, subject);
    }
}
