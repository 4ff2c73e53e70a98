package org.guichet.cart.checkout;

import java.util.List;

/**
 * A checkout as the citizen sees it: each payment, its state and where to pay it, and {@code next}:
 * the payment to make now — the client comes back here from each gateway and goes on to the next
 * one (R20 walk-through); null once nothing is left to pay.
 */
public record CheckoutView(String id, String status, List<Payment> payments, Payment next) {
    public record Payment(String paymentId, String regie, long amount, String currency, String status, String payUrl) {
    }
}
