package org.guichet.cart.procedure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A procedure as the admin defines it. */
public record ProcedureRequest(@NotBlank @Size(max = 63) String regie, @NotBlank @Size(max = 200) String title,
                               @NotBlank @Size(min = 3, max = 3) String currency, @NotNull @PositiveOrZero Long basePrice,
                               @NotNull @Size(max = 10) List<@Valid Criterion> criteria, @NotNull LocalDate validFrom,
                               LocalDate validUntil) {
}
