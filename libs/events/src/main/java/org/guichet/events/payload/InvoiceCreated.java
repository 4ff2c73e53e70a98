package org.guichet.events.payload;

import java.time.LocalDate;

public record InvoiceCreated(String invoiceId, String number, String accountId, String regie,
                             long amount, String currency, String reason, String description,
                             LocalDate issuedOn, String createdBy) {
}
