package org.guichet.payment.callback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A gateway callback exactly as received, with the result of its verification and processing. */
@Entity
@Table(name = "callback_inbox")
public class CallbackInboxEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    public String gateway;
    public Instant receivedAt;
    public String headers;
    public String body;
    public boolean verified;
    public String gatewayRef;
    public Instant processedAt;
    public String result;
    /** The status a signed callback carried (UNKNOWN for unsigned schemes: look it up). */
    public String verdictStatus;
}
