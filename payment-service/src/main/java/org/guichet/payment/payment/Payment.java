package org.guichet.payment.payment;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.events.EventJson;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment order: money asked of one payer for one régie, through one gateway. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {
    private static final TypeReference<List<PaymentLine>> LINES = new TypeReference<>() {
    };

    @Id
    public UUID id;
    public String tenant;
    public String owner;
    public String payerName;
    public String payerEmail;
    public String payerLanguage;
    public String checkoutId;
    public String regie;
    public String reference;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PaymentState state;
    public String gateway;
    public String gatewayRef;
    public String checkoutUrl;
    public String returnUrl;
    public String lines;
    /** ONLINE, CREDIT, or at the counter the institution's mode code: CASH, CHEQUE, CARD_TERMINAL, ... (R4). */
    public String mode;
    /** The agent who took a counter payment. */
    public String operator;
    /** The agent's name as their token gave it, for the history (R8); null when it gave none. */
    public String operatorName;
    public Long tendered;
    public Long changeGiven;
    public String chequeNumber;
    public String chequeBank;
    /** A counter mode of kind REFERENCE: the card terminal's ticket number, the bank transfer's reference. */
    public String counterReference;
    public long refunded;
    /** Set when something needs a person: DOUBLE_PAYMENT (a bill this payment paid was already paid). */
    public String flag;
    /** Given when the payment settles (R12): unique per institution. */
    public String receiptNumber;
    public Instant settledAt;
    public String failureReason;
    public Instant createdAt;
    public Instant updatedAt;
    /** When the reconciler asks the gateway about this payment next (null: as soon as it is due). */
    public Instant nextLookupAt;
    @Version
    public int version;

    /** What is left to refund: the amount less what went back already. */
    public long refundable() {
        return amount - refunded;
    }

    /**
     * Counts {@code amount} as refunded once the money is on its way back (gateway, counter) or promised (a transfer
     * awaiting the payer's account): only a settled payment, never more than {@link #refundable()}.
     */
    public void refund(long amount) {
        checkRefundable(amount);
        refunded += amount;
    }

    /** The state once the refunds counted so far have gone: REFUNDED when nothing is left, else PARTIALLY_REFUNDED. */
    public PaymentState stateAfterRefunds() {
        return refunded == amount ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED;
    }

    /** 409 unless settled, 422 when {@code amount} is more than is left to refund. */
    public void checkRefundable(long amount) {
        if (state != PaymentState.SETTLED && state != PaymentState.PARTIALLY_REFUNDED) {
            throw Problems.conflict("payment-not-settled", "Payment " + reference + " is " + state);
        }
        if (amount > refundable()) {
            throw Problems.unprocessable("refund-too-large", "Payment " + reference + " has only " + refundable()
                    + " left to refund");
        }
    }

    public Payer payer() {
        return new Payer(owner, payerName, payerEmail, payerLanguage);
    }

    public List<PaymentLine> lineList() {
        try {
            return EventJson.MAPPER.readValue(lines, LINES);
        } catch (Exception e) {
            throw new IllegalStateException("payment " + id + " has unreadable lines", e);
        }
    }

    public void setLines(List<PaymentLine> list) {
        lines = EventJson.MAPPER.valueToTree(list).toString();
    }

    /** Locks the row for the rest of the transaction: concurrent callbacks for one payment queue up. */
    public static Uni<Payment> byGatewayRefForUpdate(String gateway, String ref) {
        return find("gateway = ?1 and gatewayRef = ?2", gateway, ref)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A new payment order in CREATED: money asked of {@code payer} for {@code regie}, paying {@code lines}. */
    public static Payment created(UUID id, String tenant, Payer payer, String regie, String reference, long amount,
                                  String currency, String gateway, String mode, List<PaymentLine> lines, Instant now) {
        Payment p = new Payment();
        p.id = id;
        p.tenant = tenant;
        p.owner = payer.subject();
        p.payerName = payer.name();
        p.payerEmail = payer.email();
        p.payerLanguage = payer.language();
        p.regie = regie;
        p.reference = reference;
        p.amount = amount;
        p.currency = currency;
        p.state = PaymentState.CREATED;
        p.gateway = gateway;
        p.mode = mode;
        p.setLines(lines);
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    public static Uni<Payment> byIdForUpdate(UUID id) {
        return findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
