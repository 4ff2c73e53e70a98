package org.guichet.cart.procedure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.events.EventJson;
import org.guichet.events.payload.Payer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A citizen's request for a procedure, with the criteria they chose and the price they were quoted. */
@Entity
@Table(name = "procedure_request")
public class CitizenRequest extends PanacheEntityBase {
    private static final TypeReference<Map<String, String>> CHOICES = new TypeReference<>() {
    };

    @Id
    public UUID id;
    public String tenant;
    public String owner;
    @Column(name = "payer_name")
    public String payerName;
    @Column(name = "payer_email")
    public String payerEmail;
    @Column(name = "payer_language")
    public String payerLanguage;
    @Column(name = "procedure_id")
    public UUID procedureId;
    public String regie;
    public String criteria;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public RequestState state;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "refusal_reason")
    public String refusalReason;
    @Column(name = "refused_by")
    public String refusedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "ready_at")
    public Instant readyAt;
    @Column(name = "refused_at")
    public Instant refusedAt;
    @Version
    public int version;

    public Map<String, String> criteriaMap() {
        try {
            return EventJson.MAPPER.readValue(criteria, CHOICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request " + id + " has unreadable criteria", e);
        }
    }

    public Payer payer() {
        return new Payer(owner, payerName, payerEmail, payerLanguage);
    }

    void moveTo(RequestState next) {
        RequestState.TRANSITIONS.check(state, next, "Request " + id);
        state = next;
    }
}
