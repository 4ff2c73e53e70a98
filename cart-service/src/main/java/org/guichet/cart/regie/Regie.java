package org.guichet.cart.regie;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A régie of the payment platform, as the e-counter needs it (R18, R20, R21). Each institution has its own
 * under a code (L11): one institution naming a code never takes it from another.
 */
@Entity
@Table(name = "regie")
@IdClass(Regie.Key.class)
public class Regie extends PanacheEntityBase {
    @Id
    public String tenant;
    @Id
    public String code;
    public String name;
    public String accountingCode;
    @Enumerated(EnumType.STRING)
    public CartMode cartMode;
    /** The agents' addresses, comma-separated. */
    public String agents;
    public Instant updatedAt;

    /** The institution's régie of that code, or null. */
    public static Uni<Regie> of(String tenant, String code) {
        return Regie.<Regie>find("tenant = ?1 and code = ?2", tenant, code).firstResult();
    }

    public List<String> agentList() {
        return agents == null || agents.isBlank() ? List.of() : Arrays.stream(agents.split(",")).map(String::strip).toList();
    }

    /** The key: an institution and its code. */
    public static class Key implements Serializable {
        public String tenant;
        public String code;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(tenant, k.tenant) && java.util.Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tenant, code);
        }
    }
}
