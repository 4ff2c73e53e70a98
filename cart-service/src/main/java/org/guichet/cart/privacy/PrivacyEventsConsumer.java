package org.guichet.cart.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.platform.privacy.PrivacyEvents;

/** billing's retention decisions (guichet.billing.accounts), applied to procedure requests (README, "Personal data"). */
@ApplicationScoped
public class PrivacyEventsConsumer {
    @Inject
    PrivacyEvents privacy;

    @Incoming("accounts")
    public Uni<Void> onAccountEvent(String record) {
        return privacy.onAccountEvent("cart.privacy", record);
    }
}
