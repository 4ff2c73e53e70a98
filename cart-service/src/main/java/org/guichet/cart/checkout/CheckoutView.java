package org.guichet.cart.checkout;

import java.util.List;

/** A checkout as the citizen sees it: each payment, its state and where to pay it. */
public record CheckoutView(String id, String status, List<Payment> payments) {
    public record Payment(String paymentId, String regie, long amount, String currency, String status, String payUrl) {
    }
}
