package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** What happened to an account as a whole (R8): collections, blocks, proxy links, closure, pseudonymisation. */
@Entity
@Table(name = "account_history")
public class AccountHistoryEntry extends PanacheEntityBase {
    public static final String COLLECTIONS = "COLLECTIONS";
    public static final String BLOCKED = "BLOCKED";
    public static final String UNBLOCKED = "UNBLOCKED";
    public static final String CLOSED = "CLOSED";
    public static final String PSEUDONYMISED = "PSEUDONYMISED";

    @Id
    public UUID id;
    public String tenant;
    public String accountId;
    public String action;
    public Long amount;
    public String operator;
    public String notes;
    public Instant occurredAt;

    public static AccountHistoryEntry of(String tenant, String accountId, String action, Long amount, String operator,
                                         String notes, Instant at) {
        AccountHistoryEntry e = new AccountHistoryEntry();
        e.id = Ids.newId();
        e.tenant = tenant;
        e.accountId = accountId;
        e.action = action;
        e.amount = amount;
        e.operator = operator;
        e.notes = notes;
        e.occurredAt = at;
        return e;
    }
}
