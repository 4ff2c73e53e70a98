package org.guichet.cart.regie;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A régie of the payment platform, as the e-counter needs it (R18, R20, R21). */
@Entity
@Table(name = "regie")
public class Regie extends PanacheEntityBase {
    @Id
    public String code;
    public String tenant;
    public String name;
    @Column(name = "accounting_code")
    public String accountingCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "cart_mode")
    public CartMode cartMode;
    /** The agents' addresses, comma-separated. */
    public String agents;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> agentList() {
        return agents == null || agents.isBlank() ? List.of() : Arrays.stream(agents.split(",")).map(String::strip).toList();
    }
}
