package org.guichet.notification.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An account holder's contact data, as billing last announced it. */
@Entity
@Table(name = "account_contact")
public class AccountContact extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public String name;
    public String email;
    public String language;

    @Embeddable
    public record Key(String tenant, @Column(name = "account_id") String accountId) implements Serializable {
    }
}
