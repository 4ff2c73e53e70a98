package org.guichet.reporting.transaction;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.platform.text.SearchText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One transaction as finance sees it: the bank-statement reference, who, how much, for what. */
@Entity
@Table(name = "transaction_record")
public class TransactionRecord extends PanacheEntityBase {
    @Id
    public UUID paymentId;
    public String tenant;
    public String reference;
    public String regie;
    public String citizenSubject;
    public String citizenName;
    public long total;
    public String currency;
    @Enumerated(EnumType.STRING)
    public TransactionStatus status;
    /** How a FAILED payment ended: FAILED, CANCELLED or EXPIRED (null otherwise). */
    public String outcome;
    public String gateway;
    public String gatewayRef;
    public String mode;
    /** The agent who took a counter payment. */
    public String operator;
    public String receiptNumber;
    public String accountingCode;
    /** JSON array of the line items. */
    public String lines;
    /** The line items as one CSV cell, written with {@link #lines}. */
    public String linesSummary;
    /** The institutions whose bills the lines pay, as {@code |a|b|}. */
    public String institutions;
    /** What was refunded so far (minor units). */
    public long refunded;
    public String searchText;
    public Instant createdAt;
    public Instant settledAt;
    public Instant updatedAt;

    /** A page of a search: {@code size} rows from its cursor, in its order. */
    public static Uni<List<TransactionRecord>> page(TransactionQuery query, int size) {
        List<Object> params = new ArrayList<>();
        String sql = "select * from transaction_record " + query.sql(params, n -> "?" + n) + " limit " + size;
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var page = s.createNativeQuery(sql, TransactionRecord.class);
            for (int i = 0; i < params.size(); i++) {
                page.setParameter(i + 1, params.get(i));
            }
            return page.getResultList();
        }));
    }

    public void refreshSearchText() {
        searchText = SearchText.fold(String.join(" ", nz(reference), nz(citizenName), nz(citizenSubject), nz(regie),
                nz(gatewayRef), nz(lines)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
