package org.guichet.payment.counter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.payment.claim.PaymentClaims;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentReferences;
import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.payment.PaymentStateMachine;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.Ids;
import org.guichet.platform.billing.BillingClient;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.money.Allocator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Counter payments (R4, R24): billing is asked what may be paid (balance, proxy, collections, the
 * institution's payment modes, another institution's acceptance, R9/R10/R16), the amount is checked
 * against it, and the payment is recorded settled at once — PaymentSettled carries it to billing,
 * which applies it like any other money. In the caller's transaction.
 */
@ApplicationScoped
public class CounterPayments {
    public static final String GATEWAY = "counter";

    @Inject
    BillingClient billing;
    @Inject
    PaymentConfig config;
    @Inject
    PaymentReferences references;
    @Inject
    PaymentStateMachine stateMachine;
    @Inject
    Clock clock;
    @Inject
    PaymentClaims claims;

    public Uni<CounterReceipt> pay(String callerTenant, String agent, String agentName, String bearer,
                                   CounterPaymentRequest r) {
        String institution = r.institution() == null || r.institution().isBlank() ? callerTenant : r.institution();
        return billing.of(institution, r.accountId(), bearer).flatMap(account -> {
            List<PaymentLine> lines = lines(account, r); // the mode and its fields checked
            Payability.PaymentMode mode = account.mode(r.mode()).orElseThrow();
            List<Payability.OpenBill> paid = billsPaid(account, lines);
            PaymentConfig.Regie regie = config.requireRegie(account.regie());
            if (!regie.currency().equals(account.currency())) {
                throw Problems.unprocessable("currency-mismatch", "Régie " + account.regie() + " takes "
                        + regie.currency() + ", the account's bills are in " + account.currency());
            }
            return references.next(account.regie()).flatMap(reference -> {
                Payment p = Payment.created(Ids.newId(), callerTenant, new Payer(account.principalAccountId(), null,
                                null, null), account.regie(), reference, r.amount(), account.currency(), GATEWAY,
                        mode.code(), lines, clock.instant());
                p.operator = agent;
                p.operatorName = agentName;
                p.tendered = mode.kind() == Payability.Kind.CASH ? r.tendered() : null;
                p.changeGiven = p.tendered == null ? null : p.tendered - p.amount;
                boolean cheque = mode.kind() == Payability.Kind.CHEQUE;
                p.chequeNumber = cheque ? r.cheque().number() : null;
                p.chequeBank = cheque ? r.cheque().bank() : null;
                p.counterReference = mode.kind() == Payability.Kind.REFERENCE ? blankToNull(r.reference()) : null;
                return p.persist()
                        .call(Panache::flush)
                        .flatMap(x -> claims.claimAtCounter(p, paid))
                        .invoke(held -> {
                            if (held != null) {
                                throw Problems.conflict("being-paid", held);
                            }
                        })
                        .flatMap(x -> stateMachine.moveTo(p, PaymentState.SETTLED, "counter", agent))
                        .map(x -> new CounterReceipt(p.id.toString(), p.receiptNumber, p.reference, institution,
                                r.accountId(), p.amount,
                                p.currency, p.mode, p.tendered, p.changeGiven, lines, mode.label(), p.counterReference));
            });
        });
    }

    /**
     * R4: the mode is one the account's institution configures, with what its kind needs: cash the amount
     * tendered (the change is computed), a cheque its number and bank, a reference mode its reference.
     */
    static Payability.PaymentMode checkMode(Payability account, CounterPaymentRequest r) {
        Payability.PaymentMode mode = account.mode(r.mode()).orElseThrow(() -> Problems.invalid(
                "The institution does not take " + r.mode() + " at the counter",
                new FieldError("mode", "must be one of " + account.paymentModes())));
        switch (mode.kind()) {
            case CASH -> {
                if (r.tendered() == null || r.tendered() < r.amount()) {
                    throw Problems.invalid("Cash needs the amount tendered, at least the amount paid",
                            new FieldError("tendered", "must be at least " + r.amount()));
                }
            }
            case CHEQUE -> {
                if (r.cheque() == null) {
                    throw Problems.invalid("A cheque needs its number and bank", new FieldError("cheque", "required"));
                }
            }
            case REFERENCE -> {
                if (mode.referenceRequired() && blankToNull(r.reference()) == null) {
                    throw Problems.invalid(mode.label() + " needs its reference",
                            new FieldError("reference", "required for " + mode.code()));
                }
            }
        }
        return mode;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The bills the money goes to: those of its bill lines, or for the account the oldest bills its amount
     * covers, as billing applies it; a deposit pays none.
     */
    static List<Payability.OpenBill> billsPaid(Payability account, List<PaymentLine> lines) {
        List<Payability.OpenBill> paid = new ArrayList<>();
        for (PaymentLine line : lines) {
            if (PaymentLine.INVOICE.equals(line.kind())) {
                account.bills().stream().filter(b -> b.id().equals(line.refId())).forEach(paid::add);
            } else if (PaymentLine.ACCOUNT.equals(line.kind())) {
                List<Long> shares = Allocator.inOrder(line.amount(), account.bills().stream()
                        .map(Payability.OpenBill::outstanding).toList()).shares();
                for (int i = 0; i < shares.size(); i++) {
                    if (shares.get(i) > 0) {
                        paid.add(account.bills().get(i));
                    }
                }
            }
        }
        return paid;
    }

    /** What the money pays: the selected bills oldest first, or the account (billing pays its oldest bills). */
    static List<PaymentLine> lines(Payability account, CounterPaymentRequest r) {
        if (!account.payable()) {
            throw Problems.unprocessable("pay-from-principal", "Account " + r.accountId()
                    + " is a proxy: its bills are paid from the principal " + account.principalAccountId());
        }
        checkMode(account, r);
        if (r.isDeposit()) {
            if (r.invoiceIds() != null && !r.invoiceIds().isEmpty()) {
                throw Problems.invalid("A deposit goes on the credit: it pays no selected bill",
                        new FieldError("invoiceIds", "must be empty for a deposit"));
            }
            return List.of(new PaymentLine(PaymentLine.DEPOSIT, account.principalAccountId(), account.institution(),
                    "Deposit to credit", r.amount()));
        }
        if (r.amount() > account.balance()) {
            throw Problems.invalid("More than the account owes (" + account.balance() + ")",
                    new FieldError("amount", "must not exceed " + account.balance()));
        }
        if (account.fullBalanceOnly() && r.amount() != account.balance()) {
            throw Problems.unprocessable("full-balance-only", "The account was sent to collections: only the full "
                    + "balance of " + account.balance() + " can be paid");
        }
        if (r.invoiceIds() == null || r.invoiceIds().isEmpty()) {
            return List.of(new PaymentLine(PaymentLine.ACCOUNT, account.principalAccountId(), account.institution(),
                    "Counter payment", r.amount()));
        }
        List<Payability.OpenBill> selected = new ArrayList<>();
        for (Payability.OpenBill bill : account.bills()) {
            if (r.invoiceIds().contains(bill.id())) {
                selected.add(bill);
            }
        }
        if (selected.size() != r.invoiceIds().stream().distinct().count()) {
            throw Problems.notFound("One of the selected invoices (open, of this account)");
        }
        Allocator.Allocation shares = Allocator.inOrder(r.amount(), selected.stream().map(Payability.OpenBill::outstanding).toList());
        if (shares.remainder() > 0) {
            throw Problems.invalid("More than the selected bills owe",
                    new FieldError("amount", "must not exceed what the selected bills owe"));
        }
        List<PaymentLine> lines = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            if (shares.shares().get(i) > 0) {
                lines.add(new PaymentLine(PaymentLine.INVOICE, selected.get(i).id(), account.institution(),
                        "Bill " + selected.get(i).number(), shares.shares().get(i)));
            }
        }
        return lines;
    }
}
