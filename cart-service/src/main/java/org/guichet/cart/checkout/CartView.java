package org.guichet.cart.checkout;

import org.guichet.cart.payable.PayableView;

import java.util.List;

/** The cart with its totals per régie (R20). */
public record CartView(List<PayableView> items, List<RegieTotal> totals) {
    public record RegieTotal(String regie, String currency, long amount) {
    }
}
