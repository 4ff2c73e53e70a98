package org.guichet.notification.delivery;

import java.time.Instant;

public record DeliveryView(String id, String sourceEventId, String template, String language, String recipient,
                           String subject, String status, int attempts, String lastError, Instant createdAt,
                           Instant sentAt) {
    static DeliveryView of(EmailDelivery d) {
        return new DeliveryView(d.id.toString(), d.sourceEventId.toString(), d.template, d.language, d.recipient,
                d.subject, d.status.name(), d.attempts, d.lastError, d.createdAt, d.sentAt);
    }
}
