package org.guichet.cart.procedure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

import java.util.Map;

/** One criterion of a procedure's price (R19): its options and what each adds, in minor units. */
public record Criterion(@NotBlank @Size(max = 50) String name, @NotEmpty @Size(max = 50) Map<@NotBlank String, @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PositiveOrZero @Max(Money.MAX_AMOUNT) Long> options) {
}
