package org.guichet.events.payload;

public record NotificationSent(String deliveryId, String sourceEventId, String template, String recipient) {
}
