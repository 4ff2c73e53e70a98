package org.guichet.cart.payable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    public String refId;
    public String regie;
    public String description;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PayableStatus status;
    public Instant createdAt;
    /** The payments billing applied to this bill, oldest first; the amount is what is left after them. Null: not known. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] appliedPayments;

    public void moveTo(PayableStatus next) {
        if (status == next) {
            return;
        }
        PayableStatus.TRANSITIONS.check(status, next, "Item " + id);
        status = next;
    }

    /** Billing applied {@code paymentId} to this bill (a payment it does not know of before stays not known). */
    public void applied(String paymentId) {
        if (appliedPayments != null && paymentId != null && !List.of(appliedPayments).contains(paymentId)) {
            appliedPayments = java.util.stream.Stream.concat(java.util.Arrays.stream(appliedPayments),
                    java.util.stream.Stream.of(paymentId)).toArray(String[]::new);
        }
    }

    public static Uni<List<PayableItem>> ownedBy(String tenant, String owner, PayableStatus status) {
        return list("tenant = ?1 and owner = ?2 and status = ?3 order by createdAt", tenant, owner, status);
    }

    public static Uni<PayableItem> ownedBy(UUID id, String tenant, String owner) {
        return find("id = ?1 and tenant = ?2 and owner = ?3", id, tenant, owner).firstResult();
    }
}
