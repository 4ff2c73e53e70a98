package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.events.EventType;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.events.payload.RefundBankDetailsGiven;
import org.guichet.events.payload.RefundFailed;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.payment.transfer.Iban;
import org.guichet.payment.transfer.SepaCreditTransfer;
import org.guichet.payment.transfer.TransferBatch;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;
import org.guichet.platform.security.EventSeal;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Refunds made by bank transfer when the gateway cannot refund: the payer is sent a form link
 * (RefundAwaitingBankDetails), gives an IBAN, finance exports every ready refund as one pain.001
 * file and marks it executed once the bank has run it; then RefundIssued (mode BANK_TRANSFER).
 * The amount is counted as refunded on the payment from the start, so nothing refunds it twice.
 */
@ApplicationScoped
public class ManualRefunds {
    private static final Logger LOG = Logger.getLogger(ManualRefunds.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String FORM_PATH = "/refund-forms/";
    public static final String MODE = "BANK_TRANSFER";

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    PaymentConfig config;
    @Inject
    Refunds refunds;
    @Inject
    EventSeal seal;
    @Inject
    TransferGroups transferGroups;

    public Uni<ManualRefund> existing(String refundId) {
        return ManualRefund.<ManualRefund>find("refundId", refundId).firstResult();
    }

    /** In the caller's transaction, the payment locked: the payer will be asked for an account. */
    Uni<Void> open(Payment payment, RefundOrder order, String whyNotByGateway) {
        return existing(order.refundId()).flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            ManualRefund m = new ManualRefund();
            m.id = Ids.newId();
            m.paymentId = payment.id;
            m.paymentReference = payment.reference;
            m.refundId = order.refundId();
            m.invoiceId = order.invoiceId();
            m.tenant = payment.tenant;
            m.regie = payment.regie;
            m.amount = order.amount();
            m.currency = payment.currency;
            m.reason = order.reason();
            m.state = ManualRefundState.AWAITING_BANK_DETAILS;
            m.createdAt = clock.instant();
            m.newForm(token(), m.createdAt, config.refundFormValidity());
            payment.refund(order.amount());
            LOG.infof("refund %s of payment %s goes by bank transfer: %s", order.refundId(), payment.reference,
                    whyNotByGateway);
            return m.persist().call(() -> askForAccount(payment, m)).replaceWithVoid();
        });
    }

    /** The refund a form link names; an unknown token is a 404 like any other. */
    public Uni<ManualRefund> byToken(String token) {
        return Panache.withSession(() -> ManualRefund.<ManualRefund>find("formToken", token).firstResult())
                .map(m -> {
                    if (m == null) {
                        throw Problems.notFound("Refund form");
                    }
                    return m;
                });
    }

    /** The payer's account, checked; the link takes one, once (another needs a new link). */
    public Uni<ManualRefund> giveBankDetails(String token, BankDetails details) {
        List<FieldError> errors = new ArrayList<>();
        Iban.Result iban = Iban.check(details.iban());
        if (!iban.valid()) {
            errors.add(new FieldError("iban", iban.problem()));
        }
        Iban.Result bicCheck = Iban.checkBic(details.bic());
        if (!bicCheck.valid()) {
            errors.add(new FieldError("bic", bicCheck.problem()));
        }
        String bic = bicCheck.value();
        String holder = details.holderName() == null ? "" : details.holderName().strip();
        if (holder.isEmpty() || holder.length() > 70) {
            errors.add(new FieldError("holderName", "is required, at most 70 characters"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid("The bank details are not valid", errors));
        }
        return Panache.withTransaction(() -> ManualRefund.<ManualRefund>find("formToken", token)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().map(m -> {
                    if (m == null) {
                        throw Problems.notFound("Refund form");
                    }
                    m.takeBankDetails(holder, iban.value(), bic, clock.instant());
                    return m;
                }).call(m -> Payment.<Payment>findById(m.paymentId).call(payment -> toldAccountGiven(payment, m))));
    }

    public Uni<List<ManualRefund>> list(String tenant, ManualRefundState state) {
        return Panache.withSession(() -> state == null
                ? ManualRefund.<ManualRefund>list("tenant = ?1 order by createdAt", tenant)
                : ManualRefund.<ManualRefund>list("tenant = ?1 and state = ?2 order by createdAt", tenant, state));
    }

    /** Refunds by transfer still to do, per state and currency: how many, how much, the oldest since when. */
    public record Open(String state, String currency, long count, long amount, Instant oldest) {
    }

    /** The institution's refunds not yet executed nor cancelled (finance's dashboard), one row per state and currency. */
    public Uni<List<Open>> open(String tenant) {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createQuery(
                        "select m.state, m.currency, count(m), sum(m.amount), min(m.createdAt) from ManualRefund m "
                                + "where m.tenant = ?1 and m.state in ?2 group by m.state, m.currency "
                                + "order by m.state, m.currency", Object[].class)
                .setParameter(1, tenant)
                .setParameter(2, List.of(ManualRefundState.AWAITING_BANK_DETAILS, ManualRefundState.READY,
                        ManualRefundState.IN_TRANSFER))
                .getResultList()))
                .map(rows -> rows.stream().map(r -> new Open(((ManualRefundState) r[0]).name(), (String) r[1],
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), (Instant) r[4])).toList());
    }

    /**
     * Every ready refund of the institution in one currency in one pain.001 file (a bank takes one
     * currency per file; EUR is a SEPA file); they move to IN_TRANSFER with it.
     */
    public Uni<TransferBatch> export(String tenant, String currency, String operator) {
        return Panache.withTransaction(() -> (currency == null
                ? ManualRefund.<ManualRefund>find("tenant = ?1 and state = ?2 order by createdAt", tenant,
                ManualRefundState.READY)
                : ManualRefund.<ManualRefund>find("tenant = ?1 and state = ?2 and currency = ?3 order by createdAt",
                tenant, ManualRefundState.READY, currency))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().flatMap(ready -> {
                    if (ready.isEmpty()) {
                        throw Problems.unprocessable("nothing-to-transfer",
                                "No refund has its bank details yet: nothing to transfer");
                    }
                    List<String> currencies = ready.stream().map(m -> m.currency).distinct().toList();
                    if (currencies.size() > 1) {
                        throw Problems.unprocessable("choose-currency", "Refunds wait in " + currencies
                                + ": export one currency at a time (?currency=EUR)");
                    }
                    Instant now = clock.instant();
                    TransferBatch batch = new TransferBatch();
                    batch.id = Ids.newId();
                    batch.messageId = "GUICHET-" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                            .format(now.atOffset(ZoneOffset.UTC)) + "-" + batch.id.toString().substring(0, 8);
                    batch.transfers = ready.size();
                    batch.createdBy = operator;
                    batch.createdAt = now;
                    batch.document = SepaCreditTransfer.document(batch.messageId, now, tenant, transferGroups.of(ready, now));
                    ready.forEach(m -> {
                        m.moveTo(ManualRefundState.IN_TRANSFER);
                        m.batchId = batch.id;
                    });
                    return batch.persist();
                }));
    }

    public Uni<TransferBatch> batch(String tenant, String id) {
        UUID batchId = Ids.parseOrNotFound(id, "Transfer file " + id);
        return Panache.withSession(() -> TransferBatch.<TransferBatch>findById(batchId)
                .call(b -> b == null ? Uni.createFrom().nullItem()
                        : ManualRefund.count("batchId = ?1 and tenant = ?2", batchId, tenant).invoke(n -> {
                            if (n == 0) {
                                throw Problems.notFound("Transfer file " + id);
                            }
                        }))
                .map(b -> {
                    if (b == null) {
                        throw Problems.notFound("Transfer file " + id);
                    }
                    return b;
                }));
    }

    /** The bank ran the file: each refund is issued (RefundIssued), once, however often this is called. */
    public Uni<TransferBatch> executed(String tenant, String id, String operator) {
        return batch(tenant, id).flatMap(seen -> Panache.withTransaction(() ->
                TransferBatch.<TransferBatch>findById(seen.id, LockModeType.PESSIMISTIC_WRITE).flatMap(batch -> {
                    if (batch.executedAt != null) {
                        return Uni.createFrom().item(batch);
                    }
                    batch.executedAt = clock.instant();
                    batch.executedBy = operator;
                    return ManualRefund.<ManualRefund>list("batchId = ?1 order by createdAt", batch.id)
                            .flatMap(refundsOfBatch -> Multi.createFrom().iterable(refundsOfBatch)
                                    .onItem().transformToUniAndConcatenate(m -> issue(m, batch))
                                    .collect().asList())
                            .replaceWith(batch);
                })));
    }

    /**
     * The bank sent a transfer back (closed or mistyped account): the refund waits for an account again,
     * under a new form link sent to the payer; the rest of its file stands.
     */
    public Uni<ManualRefund> returned(String tenant, String id) {
        return Panache.withTransaction(() -> locked(tenant, id).flatMap(m -> {
            m.moveTo(ManualRefundState.AWAITING_BANK_DETAILS);
            m.batchId = null;
            m.iban = null;
            m.bic = null;
            m.newForm(token(), clock.instant(), config.refundFormValidity());
            return Payment.<Payment>findById(m.paymentId).call(payment -> askForAccount(payment, m)).replaceWith(m);
        }));
    }

    /**
     * Finance gives the money back another way (at the counter, say) or not at all: the refund is cancelled
     * before any transfer, the amount is free again on the payment, and RefundFailed tells billing.
     */
    public Uni<ManualRefund> cancel(String tenant, String id, String reason) {
        return Panache.withTransaction(() -> locked(tenant, id).flatMap(m -> {
            m.moveTo(ManualRefundState.CANCELLED);
            return Payment.byIdForUpdate(m.paymentId).flatMap(payment -> {
                payment.refunded -= m.amount;
                return outbox.publish(EventType.REFUND_FAILED, payment.tenant, payment.id.toString(),
                        payment.checkoutId, new RefundFailed(m.refundId, payment.id.toString(), m.invoiceId, m.amount,
                                m.currency, payment.gateway, "cancelled by finance: " + reason));
            }).replaceWith(m);
        }));
    }

    private Uni<ManualRefund> locked(String tenant, String id) {
        UUID refundId = Ids.parseOrNotFound(id, "Manual refund " + id);
        return ManualRefund.<ManualRefund>findById(refundId, LockModeType.PESSIMISTIC_WRITE).map(m -> {
            if (m == null || !m.tenant.equals(tenant)) {
                throw Problems.notFound("Manual refund " + id);
            }
            return m;
        });
    }

    private Uni<Void> askForAccount(Payment payment, ManualRefund m) {
        return outbox.publish(EventType.REFUND_AWAITING_BANK_DETAILS, payment.tenant, payment.id.toString(),
                payment.checkoutId, new RefundAwaitingBankDetails(m.id.toString(), m.refundId, payment.id.toString(),
                        payment.reference, payment.regie, m.amount, m.currency, m.reason,
                        seal.seal(config.publicUrl() + FORM_PATH + m.formToken, m.id.toString()), payment.payer()))
                .replaceWithVoid();
    }

    /** M2: the payer hears of the account given (masked), so one given by someone else who read the link is noticed. */
    private Uni<Void> toldAccountGiven(Payment payment, ManualRefund m) {
        return outbox.publish(EventType.REFUND_BANK_DETAILS_GIVEN, payment.tenant, payment.id.toString(),
                payment.checkoutId, new RefundBankDetailsGiven(m.id.toString(), m.refundId, payment.id.toString(),
                        payment.reference, payment.regie, m.amount, m.currency, ManualRefundView.mask(m.iban),
                        m.holderName, payment.payer())).replaceWithVoid();
    }

    private Uni<Void> issue(ManualRefund m, TransferBatch batch) {
        m.moveTo(ManualRefundState.EXECUTED);
        m.executedAt = batch.executedAt;
        return Payment.byIdForUpdate(m.paymentId).flatMap(payment -> refunds.issued(payment,
                new RefundOrder(m.refundId, m.invoiceId, m.paymentId.toString(), m.amount, m.reason),
                batch.messageId + "/" + m.id, MODE));
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the payer types on the form. */
    public record BankDetails(String holderName, String iban, String bic) {
    }
}
