package org.guichet.payment.callback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "received_at")
    public Instant receivedAt;
    public String headers;
    public String body;
    public boolean verified;
    @Column(name = "gateway_ref")
    public String gatewayRef;
    @Column(name = "processed_at")
    public Instant processedAt;
    public String result;
    /** The status a signed callback carried (UNKNOWN for unsigned schemes: look it up). */
    @Column(name = "verdict_status")
    public String verdictStatus;
}
