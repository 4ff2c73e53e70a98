package org.guichet.billing.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A bill on an account. Amounts are minor units of {@link #currency}. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String number;
    @Column(name = "account_id")
    public String accountId;
    public String regie;
    public String reason;
    public String description;
    @Column(name = "item_barcode")
    public String itemBarcode;
    @Column(name = "item_title")
    public String itemTitle;
    public long amount;
    public long paid;
    public long waived;
    public String currency;
    @Enumerated(EnumType.STRING)
    public InvoiceState state;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public int version;

    public long outstanding() {
        return amount - paid - waived;
    }

    /**
     * Applies up to {@code offered} minor units and returns how much was taken; the state follows
     * the table in {@link InvoiceState}.
     */
    public long applyPayment(long offered) {
        if (offered <= 0) {
            throw Problems.invalid("A payment must be positive");
        }
        long taken = Math.min(offered, outstanding());
        if (taken == 0) {
            throw Problems.conflict("invoice-settled", "Invoice " + number + " has nothing left to pay");
        }
        paid += taken;
        moveTo(outstanding() == 0 ? InvoiceState.PAID : InvoiceState.PARTIALLY_PAID);
        return taken;
    }

    void moveTo(InvoiceState next) {
        if (!state.canBecome(next)) {
            throw Problems.conflict("illegal-transition", "Invoice " + number + " cannot go from " + state + " to " + next);
        }
        state = next;
    }

    public static Uni<Invoice> findInTenant(UUID id, String tenant) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    public static Uni<List<Invoice>> ofAccount(String tenant, String accountId) {
        return list("tenant = ?1 and accountId = ?2 order by createdAt", tenant, accountId);
    }
}
