package org.guichet.cart.procedure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.IsoCurrency;
import org.guichet.platform.money.Money;

import java.time.LocalDate;
import java.util.List;

/** A procedure as the admin defines it. */
public record ProcedureRequest(@NotBlank @Size(max = 63) String regie,
                               @NotBlank @Size(max = 200)
                               @Pattern(regexp = ProcedureRequest.ONE_LINE, message = "one line, no control characters")
                               String title,
                               @NotBlank @IsoCurrency String currency,
                               @NotNull @PositiveOrZero @Max(Money.MAX_AMOUNT) Long basePrice,
                               @NotNull @Size(max = 10) List<@Valid Criterion> criteria, @NotNull LocalDate validFrom,
                               LocalDate validUntil) {
    /** The title ends up in email subjects (L13): no CR, LF or other control character. */
    static final String ONE_LINE = "[^\\p{Cntrl}\\u0085\\u2028\\u2029]*";
}
