package org.guichet.notification.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One email, rendered when its event arrived, sent by {@link DeliverySender}. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID sourceEventId;
    public String tenant;
    public String template;
    public String language;
    public String recipient;
    /** The account id (token subject) of the person the email is about, or null. */
    public String person;
    public String subject;
    public String bodyText;
    public String bodyHtml;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant createdAt;
    public Instant sentAt;
    /** A PDF sent with the email (the receipt), or null. */
    public byte[] attachment;
    public String attachmentName;
}
