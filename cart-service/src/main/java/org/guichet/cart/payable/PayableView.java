package org.guichet.cart.payable;

public record PayableView(String id, String kind, String refId, String regie, String description, long amount,
                          String currency, String status) {
    public static PayableView of(PayableItem p) {
        return new PayableView(p.id.toString(), p.kind, p.refId, p.regie, p.description, p.amount, p.currency,
                p.status.name());
    }
}
