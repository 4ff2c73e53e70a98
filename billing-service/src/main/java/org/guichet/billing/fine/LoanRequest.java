package org.guichet.billing.fine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

import java.time.LocalDate;

/**
 * A checkout reported by the library system. {@code loanId} is the library system's own id;
 * {@code dueAt} is the due time of a short (hourly) loan, else it is due at the end of {@code dueDate}.
 * {@code callNumber} and {@code branch} (the item's shelf mark and library branch) are optional; the loan's
 * fine bills carry them.
 */
public record LoanRequest(@NotBlank @Size(max = 100) String loanId,
                          @NotBlank @Size(max = 100) String accountId,
                          @NotBlank @Size(max = 50) String itemBarcode,
                          @Size(max = 300) String title,
                          @PositiveOrZero @Max(Money.MAX_AMOUNT) Long replacementCost,
                          @NotNull LocalDate dueDate,
                          java.time.OffsetDateTime dueAt,
                          @Size(max = 100) String callNumber,
                          @Size(max = 100) String branch) {
}
