package org.guichet.cart.payable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Something a citizen owes and may put in the cart: an invoice from billing, later a procedure. */
@Entity
@Table(name = "payable_item")
public class PayableItem extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String owner;
    public String kind;
    @Column(name = "ref_id")
    public String refId;
    public String regie;
    public String description;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PayableStatus status;
    @Column(name = "created_at")
    public Instant createdAt;

    public void moveTo(PayableStatus next) {
        if (status == next) {
            return;
        }
        PayableStatus.TRANSITIONS.check(status, next, "Item " + id);
        status = next;
    }

    public static Uni<List<PayableItem>> ownedBy(String tenant, String owner, PayableStatus status) {
        return list("tenant = ?1 and owner = ?2 and status = ?3 order by createdAt", tenant, owner, status);
    }

    public static Uni<PayableItem> ownedBy(UUID id, String tenant, String owner) {
        return find("id = ?1 and tenant = ?2 and owner = ?3", id, tenant, owner).firstResult();
    }
}
