package org.guichet.platform.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.platform.consumer.IdempotentConsumer;

import java.util.Set;

/**
 * Applies billing's retention decisions to this service's own data ({@link PersonalData}), each event
 * once: {@code AccountPseudonymised} (a closed account's holder) and {@code TransactionsPastRetention}
 * (the institution's transactions before a date). The retention periods are configured once, per
 * institution, in billing-service; the other services learn them from these events (on the accounts
 * topic), so every service erases the same transactions on the same day.
 */
@ApplicationScoped
public class PrivacyEvents {
    public static final Set<EventType> TYPES = Set.of(EventType.ACCOUNT_PSEUDONYMISED,
            EventType.TRANSACTIONS_PAST_RETENTION);

    @Inject
    IdempotentConsumer consumer;
    @Inject
    PersonalData personalData;

    /** For a service's consumer of the accounts topic that needs nothing else of it. */
    public Uni<Void> onAccountEvent(String consumerName, String record) {
        return consumer.apply(consumerName, record, TYPES, this::apply);
    }

    /** True for the events {@link #apply} handles. */
    public static boolean handles(EventEnvelope envelope) {
        return TYPES.stream().anyMatch(envelope::is);
    }

    /** Applies one of {@link #TYPES} in the caller's transaction (inside a consumer that already records it). */
    public Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.is(EventType.ACCOUNT_PSEUDONYMISED)) {
            AccountPseudonymised p = envelope.payloadAs(AccountPseudonymised.class);
            return personalData.pseudonymise(envelope.tenant(), p.accountId(), p.pseudonym());
        }
        if (envelope.is(EventType.TRANSACTIONS_PAST_RETENTION)) {
            return personalData.pseudonymiseBefore(envelope.tenant(),
                    envelope.payloadAs(TransactionsPastRetention.class).before());
        }
        return Uni.createFrom().voidItem();
    }
}
