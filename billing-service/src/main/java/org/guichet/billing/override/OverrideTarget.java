package org.guichet.billing.override;

import org.guichet.billing.invoice.Invoice;

import java.util.List;

/**
 * What a guarded action touches (M1): the account, the bills it acts on where it acts on some, and the
 * money it moves (waived, paid, refunded, billed or cancelled) in minor units. A grant is bound to one
 * account, optionally one bill and a maximum amount, and is checked against this.
 */
public record OverrideTarget(String accountId, List<String> invoiceIds, long amount) {
    public OverrideTarget {
        invoiceIds = List.copyOf(invoiceIds);
    }

    public static OverrideTarget account(String accountId, List<String> invoiceIds, long amount) {
        return new OverrideTarget(accountId, invoiceIds, amount);
    }

    public static OverrideTarget bill(Invoice invoice, long amount) {
        return new OverrideTarget(invoice.accountId, List.of(invoice.id.toString()), amount);
    }

    /** What the grant records it was used on. */
    String describe() {
        return invoiceIds.size() == 1 ? accountId + "/" + invoiceIds.get(0) : accountId;
    }
}
