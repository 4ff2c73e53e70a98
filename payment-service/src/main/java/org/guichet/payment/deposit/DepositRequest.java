package org.guichet.payment.deposit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

/** A citizen puts money on their prepaid credit (R14); {@code returnUrl} is where the gateway sends them back. */
public record DepositRequest(@NotNull @Positive @Max(Money.MAX_AMOUNT) Long amount, @Size(max = 2000) String returnUrl) {
}
