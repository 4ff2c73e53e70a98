package org.guichet.billing.credit;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.account.Family;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.override.Actor;
import org.guichet.billing.override.GuardedAction;
import org.guichet.billing.override.OverrideTarget;
import org.guichet.billing.override.Overrides;
import org.guichet.billing.payment.BillPayments;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.money.Allocator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Paying bills from prepaid credit: a billing operation, no money moves (R14), same rules as any payment (R3). */
@ApplicationScoped
public class CreditPayments {
    public static final String MODE = "CREDIT";

    /** What a payment from credit did. */
    public record Outcome(long paid, long creditLeft, List<String> invoicesPaid) {
    }

    @Inject
    BillPayments bills;
    @Inject
    CreditLedger ledger;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Overrides overrides;
    @Inject
    org.guichet.billing.account.AccountStanding standing;

    /**
     * Pays from the account's credit the bills of the account and its proxies (R9: a proxy cannot pay);
     * an account in collections pays all of its balance or nothing (R16).
     */
    @WithTransaction
    public Uni<Outcome> pay(Actor actor, String accountId, PayFromCreditRequest request) {
        String tenant = actor.tenant();
        String operator = actor.subject();
        String currency = institutions.of(tenant).currency();
        List<UUID> selected = request == null || request.invoiceIds() == null ? List.of()
                : request.invoiceIds().stream().map(id -> Ids.parseOrNotFound(id, "Invoice " + id)).toList();
        overrides.requireOverride(actor, GuardedAction.PAY);
        return Family.of(tenant, accountId)
                .flatMap(family -> {
            if (family.isProxy()) {
                throw Problems.unprocessable("pay-from-principal", "Account " + accountId
                        + " is a proxy: its bills are paid from the principal " + family.principal());
            }
            return bills.openBills(tenant, family.members(), List.of()).flatMap(all -> {
            List<Invoice> open = selected.isEmpty() ? all : all.stream().filter(i -> selected.contains(i.id)).toList();
            if (open.size() != selected.size() && !selected.isEmpty()) {
                throw Problems.notFound("One of the selected invoices (open, of this account)");
            }
            long owed = open.stream().mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
            long balance = all.stream().mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
            return ledger.locked(tenant, accountId, currency).flatMap(credit -> {
                long amount = request != null && request.amount() != null ? request.amount()
                        : Math.min(credit.balance, owed);
                if (amount > owed) {
                    throw Problems.invalid("More than the selected bills owe (" + owed + ")",
                            new FieldError("amount", "must not exceed " + owed));
                }
                if (amount <= 0) {
                    throw Problems.unprocessable("nothing-to-pay", "There is no credit or nothing is owed");
                }
                if (family.collections() && amount != balance) {
                    throw Problems.unprocessable("full-balance-only", "The account was sent to collections: "
                            + "only the full balance of " + balance + " can be paid");
                }
                String reference = "CREDIT-" + UUID.randomUUID().toString().substring(0, 8);
                BillPayments.Source source = new BillPayments.Source(MODE, reference, operator, null, null);
                List<Long> shares = Allocator.inOrder(amount, open.stream().map(Invoice::outstanding).toList()).shares();
                List<String> touched = new ArrayList<>();
                for (int i = 0; i < open.size(); i++) {
                    if (shares.get(i) > 0) {
                        touched.add(open.get(i).id.toString());
                    }
                }
                return overrides.authorize(actor, GuardedAction.PAY, OverrideTarget.account(accountId, touched, amount))
                        .flatMap(grantedBy -> ledger.use(credit, amount, reference, operator))
                        .flatMap(used -> bills.oldestFirst(open, amount, source)
                                .call(() -> standing.reassess(tenant, accountId))
                                .map(rest -> new Outcome(amount, used.balance, open.stream()
                                        .filter(i -> i.paid > 0).map(i -> i.id.toString()).toList())));
            });
            });
        });
    }
}
