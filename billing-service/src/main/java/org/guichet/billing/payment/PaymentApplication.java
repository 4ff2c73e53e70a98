package org.guichet.billing.payment;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.billing.account.AccountStanding;
import org.guichet.billing.account.Family;
import org.guichet.billing.credit.CreditLedger;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.events.EventEnvelope;
import org.guichet.events.payload.CreditDeposited;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.platform.Ids;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Applies a settled payment, inside the consumer's transaction: INVOICE lines pay their bill,
 * ACCOUNT lines pay the account's bills oldest first (R3), DEPOSIT lines go to credit (R14), and
 * whatever a line brings beyond what it pays becomes credit — money received is never lost.
 * Lines for other services (procedures) are not billing's business.
 */
@ApplicationScoped
public class PaymentApplication {
    private static final Logger LOG = Logger.getLogger(PaymentApplication.class);

    @Inject
    BillPayments bills;
    @Inject
    CreditLedger credit;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    AccountStanding standing;

    public Uni<Void> apply(EventEnvelope envelope) {
        PaymentSettled settled = envelope.payloadAs(PaymentSettled.class);
        BillPayments.Source source = new BillPayments.Source(settled.mode() + "/" + settled.gateway(),
                settled.reference(), operator(settled), settled.paymentId(), envelope.correlationId(),
                settled.payer().subject(), settled.operatorName());
        return Multi.createFrom().iterable(settled.lines())
                .onItem().transformToUniAndConcatenate(line -> applyLine(settled, line, source))
                .collect().asList().replaceWithVoid();
    }

    /** R8: the agent who took a counter payment is its operator; online, the payer is. */
    static String operator(PaymentSettled settled) {
        return settled.operator() != null && !settled.operator().isBlank() ? settled.operator() : settled.payer().subject();
    }

    private Uni<Void> applyLine(PaymentSettled settled, PaymentLine line, BillPayments.Source source) {
        if (!institutions.institutions().containsKey(line.tenant())) {
            return Uni.createFrom().voidItem();
        }
        if (!institutions.of(line.tenant()).currency().equals(settled.currency())) {
            LOG.errorf("payment %s is in %s, not in %s's currency: left for reconciliation", settled.paymentId(),
                    settled.currency(), line.tenant());
            return Uni.createFrom().voidItem();
        }
        return switch (line.kind()) {
            case PaymentLine.INVOICE -> payInvoice(settled, line, source);
            case PaymentLine.ACCOUNT -> Family.of(line.tenant(), line.refId())
                    .flatMap(family -> bills.openBills(line.tenant(), family.members(), List.of()))
                    .flatMap(open -> bills.oldestFirst(open, line.amount(), source))
                    .flatMap(rest -> toCredit(settled, line.tenant(), line.refId(), rest, CreditDeposited.OVERPAYMENT))
                    .call(() -> standing.reassess(line.tenant(), line.refId()));
            case PaymentLine.DEPOSIT -> toCredit(settled, line.tenant(), line.refId(), line.amount(), CreditDeposited.DEPOSIT);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> payInvoice(PaymentSettled settled, PaymentLine line, BillPayments.Source source) {
        return Invoice.<Invoice>findById(Ids.parseOrNotFound(line.refId(), "Invoice " + line.refId()),
                        LockModeType.PESSIMISTIC_WRITE)
                .flatMap(invoice -> {
                    if (invoice == null || !invoice.tenant.equals(line.tenant())) {
                        LOG.errorf("payment %s names unknown invoice %s: left for reconciliation", settled.paymentId(),
                                line.refId());
                        return Uni.createFrom().voidItem();
                    }
                    if (settled.paymentId().equals(invoice.pendingPaymentId)) {
                        invoice.pendingPaymentId = null;
                    }
                    Uni<Long> taken = invoice.outstanding() > 0 && !invoice.state.isClosed()
                            ? bills.pay(invoice, line.amount(), source)
                            : Uni.createFrom().item(0L);
                    return taken.flatMap(t -> toCredit(settled, invoice.tenant, invoice.accountId, line.amount() - t,
                            CreditDeposited.OVERPAYMENT)).call(() -> standing.reassess(invoice.tenant, invoice.accountId));
                });
    }

    private Uni<Void> toCredit(PaymentSettled settled, String tenant, String accountId, long amount, String source) {
        if (amount <= 0) {
            return Uni.createFrom().voidItem();
        }
        return credit.deposit(tenant, accountId, settled.currency(), amount, source, settled.reference(),
                operator(settled), settled.payer().subject(), settled.paymentId()).replaceWithVoid();
    }
}
