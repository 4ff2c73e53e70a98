package org.guichet.notification.delivery;

import org.guichet.events.EventType;
import org.guichet.platform.state.Transitions;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * PENDING until the SMTP server took the mail (SENT) or every retry failed (FAILED). {@link DeliverySender}
 * claims and moves rows through {@link #TRANSITIONS}; an illegal move there is a bug, refused (409) so its
 * transaction rolls back.
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED;

    public static final Transitions<DeliveryStatus> TRANSITIONS = Transitions.of(DeliveryStatus.class)
            .startingAt(PENDING)
            .from(PENDING).to(PENDING, FAILED)
            .from(PENDING).to(SENT).emitting(EventType.NOTIFICATION_SENT)
            .rejectingIllegal();

    /** SQL list of the statuses a mail may still be sent from ({@code 'PENDING'}), for the sender's claim. */
    public static String sendableSql() {
        Set<DeliveryStatus> sendable = TRANSITIONS.sources(SENT);
        return sendable.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }
}
