package org.guichet.cart.checkout;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A row of the cart: which payable item a citizen put in it. */
@Entity
@Table(name = "cart_item")
@IdClass(CartItemRef.Key.class)
public class CartItemRef {
    @Id
    public String owner;
    @Id
    public UUID payableId;
    public Instant addedAt;

    public static class Key implements Serializable {
        public String owner;
        public UUID payableId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(owner, k.owner)
                    && java.util.Objects.equals(payableId, k.payableId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(owner, payableId);
        }
    }
}
