package org.guichet.cart.procedure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.events.EventJson;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A procedure of the catalogue ("démarche", R19): its régie and its price rules. */
@Entity
@Table(name = "procedure")
public class Procedure extends PanacheEntityBase {
    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
    };

    @Id
    public UUID id;
    public String tenant;
    public String code;
    public String regie;
    public String title;
    public String currency;
    public long basePrice;
    public String criteria;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public Instant updatedAt;

    public List<Criterion> criterionList() {
        try {
            return EventJson.MAPPER.readValue(criteria, CRITERIA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("procedure " + code + " has unreadable criteria", e);
        }
    }

    public void setCriteria(List<Criterion> list) {
        criteria = EventJson.MAPPER.valueToTree(list).toString();
    }

    public boolean openOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** The price for the chosen option of every criterion; a missing, unknown or extra choice is a 400. */
    public Quote price(Map<String, String> chosen) {
        Map<String, String> choices = chosen == null ? Map.of() : chosen;
        List<FieldError> errors = new ArrayList<>();
        List<Quote.Line> lines = new ArrayList<>();
        long total = basePrice;
        List<Criterion> all = criterionList();
        for (Criterion c : all) {
            String option = choices.get(c.name());
            if (option == null) {
                errors.add(new FieldError("criteria." + c.name(), "choose one of " + c.options().keySet()));
            } else if (!c.options().containsKey(option)) {
                errors.add(new FieldError("criteria." + c.name(), "unknown option " + option + "; one of "
                        + c.options().keySet()));
            } else {
                long amount = c.options().get(option);
                lines.add(new Quote.Line(c.name(), option, amount));
                total = Math.addExact(total, amount);
            }
        }
        for (String name : choices.keySet()) {
            if (all.stream().noneMatch(c -> c.name().equals(name))) {
                errors.add(new FieldError("criteria." + name, "procedure " + code + " has no such criterion"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The criteria do not fit procedure " + code, errors);
        }
        return new Quote(code, total, currency, lines);
    }

    public static Uni<Procedure> byCode(String tenant, String code) {
        return Procedure.<Procedure>find("tenant = ?1 and code = ?2", tenant, code).firstResult().map(p -> {
            if (p == null) {
                throw Problems.notFound("Procedure " + code);
            }
            return p;
        });
    }
}
