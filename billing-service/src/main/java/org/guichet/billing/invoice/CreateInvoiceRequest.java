package org.guichet.billing.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.IsoCurrency;
import org.guichet.platform.money.Money;

/** A manual bill (R1): amount in minor units, a configured reason, optional item (barcode, title, call number, branch), notes. */
public record CreateInvoiceRequest(
        @NotBlank @Size(max = 100) String accountId,
        @NotNull @Positive @Max(Money.MAX_AMOUNT) Long amount,
        @NotBlank @IsoCurrency String currency,
        @NotBlank @Size(max = 50) String reason,
        @Size(max = 500) String description,
        @Valid Item item,
        @Size(max = 2000) String notes) {

    public record Item(@Size(max = 50) String barcode, @Size(max = 300) String title,
                       @Size(max = 100) String callNumber, @Size(max = 100) String branch) {
    }
}
