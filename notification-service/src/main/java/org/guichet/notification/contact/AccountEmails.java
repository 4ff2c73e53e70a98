package org.guichet.notification.contact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountRegistered;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.notification.NotificationConfig;
import org.guichet.notification.delivery.PaymentEmails;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.money.Money;
import org.guichet.platform.privacy.PrivacyEvents;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bill notices: billing's accounts tell us where to write (AccountRegistered); a new bill is
 * announced to its account holder where the institution wants it (bill-notices). A closed account
 * pseudonymised, or transactions past their retention period, erase what we hold of them.
 */
@ApplicationScoped
public class AccountEmails {
    static final String BILL_NOTICE = "bill-notice";
    /** Contact data, and billing's retention decisions (contacts and emails pseudonymised). */
    static final Set<EventType> ACCOUNT_EVENTS = Stream.concat(Stream.of(EventType.ACCOUNT_REGISTERED),
            PrivacyEvents.TYPES.stream()).collect(Collectors.toUnmodifiableSet());

    @Inject
    IdempotentConsumer consumer;
    @Inject
    NotificationConfig config;
    @Inject
    PaymentEmails emails;
    @Inject
    PrivacyEvents privacy;

    @Incoming("accounts")
    public Uni<Void> onAccountEvent(String record) {
        return consumer.apply("notification.accounts", record, ACCOUNT_EVENTS,
                envelope -> PrivacyEvents.handles(envelope) ? privacy.apply(envelope) : remember(envelope));
    }

    @Incoming("invoices")
    public Uni<Void> onInvoiceEvent(String record) {
        return consumer.apply("notification.invoices", record, EventType.INVOICE_CREATED, this::billNotice);
    }

    private Uni<Void> remember(EventEnvelope envelope) {
        AccountRegistered a = envelope.payloadAs(AccountRegistered.class);
        AccountContact.Key key = new AccountContact.Key(envelope.tenant(), a.accountId());
        return AccountContact.<AccountContact>findById(key).flatMap(found -> {
            AccountContact c = found != null ? found : new AccountContact();
            c.key = key;
            c.name = a.name();
            c.email = a.email();
            c.language = a.language();
            return found != null ? Uni.createFrom().voidItem() : c.persist().replaceWithVoid();
        });
    }

    private Uni<Void> billNotice(EventEnvelope envelope) {
        NotificationConfig.Institution institution = config.institutions().get(envelope.tenant());
        if (institution == null || !institution.billNotices()) {
            return Uni.createFrom().voidItem();
        }
        InvoiceCreated bill = envelope.payloadAs(InvoiceCreated.class);
        return AccountContact.<AccountContact>findById(new AccountContact.Key(envelope.tenant(), bill.accountId()))
                .flatMap(c -> {
                    if (c == null || c.email == null || c.email.isBlank()) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, Object> data = new HashMap<>();
                    data.put("number", bill.number());
                    data.put("name", c.name == null ? bill.accountId() : c.name);
                    data.put("amount", Money.of(bill.amount(), bill.currency()).toString());
                    data.put("description", bill.description());
                    data.put("institution", institution.name());
                    return emails.delivery(envelope, BILL_NOTICE, c.language, c.email, bill.accountId(), data).persist()
                            .replaceWithVoid();
                });
    }
}
