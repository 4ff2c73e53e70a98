package org.guichet.payment.deposit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentEvents;
import org.guichet.payment.payment.PaymentReferences;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.Ids;
import org.guichet.platform.billing.BillingClient;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.http.ReturnUrls;
import org.guichet.platform.security.Caller;

import java.time.Clock;
import java.util.List;

/**
 * Online deposits to prepaid credit (R14): a payment order like any other, through the régie's
 * gateway, whose one DEPOSIT line billing puts on the account's credit when it settles. Billing is
 * asked first whether the citizen may pay online (R9 proxies, R15 registration).
 */
@ApplicationScoped
public class Deposits {
    @Inject
    BillingClient billing;
    @Inject
    PaymentConfig config;
    @Inject
    PaymentReferences references;
    @Inject
    Clock clock;
    @Inject
    ReturnUrls returnUrls;

    public Uni<Payment> open(Caller caller, String bearer, DepositRequest request) {
        returnUrls.check(caller.tenant(), "returnUrl", request.returnUrl());
        return billing.mine(bearer).flatMap(account -> {
            if (!account.payable()) {
                throw Problems.unprocessable("pay-from-principal", "This account is a proxy: deposits go to the "
                        + "principal " + account.principalAccountId());
            }
            if (!account.onlinePaymentAllowed()) {
                throw Problems.unprocessable("online-payment-refused", account.refusal() != null ? account.refusal()
                        : "This account cannot pay online");
            }
            PaymentConfig.Regie regie = config.requireRegie(account.regie());
            if (!regie.currency().equals(account.currency())) {
                throw Problems.unprocessable("currency-mismatch", "Régie " + account.regie() + " takes " + regie.currency());
            }
            if (request.amount() < regie.minimumAmount()) {
                throw Problems.invalid("Below the smallest amount payable online",
                        new FieldError("amount", "must be at least " + regie.minimumAmount()));
            }
            return Panache.withTransaction(() -> references.next(account.regie()).flatMap(reference -> {
                Payment p = Payment.created(Ids.newId(), caller.tenant(), new Payer(caller.subject(), caller.name(),
                                caller.email(), caller.language()), account.regie(), reference, request.amount(),
                        account.currency(), regie.gateway(), PaymentEvents.MODE_ONLINE, List.of(new PaymentLine(
                                PaymentLine.DEPOSIT, account.principalAccountId(), account.institution(),
                                "Deposit to credit", request.amount())), clock.instant());
                p.returnUrl = request.returnUrl();
                return p.<Payment>persist();
            }));
        });
    }
}
