package org.guichet.cart.procedure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

import java.util.Map;

/**
 * A citizen submits a procedure with the criteria they chose and the price they were quoted: a price
 * that changed since is refused, never silently charged (R19).
 */
public record SubmitRequest(@NotBlank @Size(max = 63) String procedure, @Size(max = 20) Map<String, String> criteria,
                            @NotNull @PositiveOrZero @Max(Money.MAX_AMOUNT) Long quotedAmount) {
}
