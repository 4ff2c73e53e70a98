package org.guichet.events.payload;

/** Part or all of a bill was waived (R3); {@code outstanding} is what is still owed. */
public record InvoiceWaived(String invoiceId, String accountId, long amountWaived, long outstanding, String currency,
                            String operator, String notes) {
}
