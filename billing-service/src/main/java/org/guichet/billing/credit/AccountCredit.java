package org.guichet.billing.credit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.util.Objects;

/** An account's prepaid credit; never negative. */
@Entity
@Table(name = "account_credit")
@IdClass(AccountCredit.Key.class)
public class AccountCredit extends PanacheEntityBase {
    @Id
    public String tenant;
    @Id
    public String accountId;
    public String currency;
    public long balance;
    @Version
    public int version;

    public static class Key implements Serializable {
        public String tenant;
        public String accountId;

        public Key() {
        }

        public Key(String tenant, String accountId) {
            this.tenant = tenant;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenant, k.tenant) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, accountId);
        }
    }
}
