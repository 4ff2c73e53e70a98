package org.guichet.cart.procedure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public String payerName;
    public String payerEmail;
    public String payerLanguage;
    public UUID procedureId;
    public String regie;
    public String criteria;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public RequestState state;
    public UUID paymentId;
    public String refusalReason;
    public String refusedBy;
    public Instant createdAt;
    public Instant readyAt;
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
