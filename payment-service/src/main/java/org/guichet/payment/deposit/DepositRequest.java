package org.guichet.payment.deposit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A citizen puts money on their prepaid credit (R14); {@code returnUrl} is where the gateway sends them back. */
public record DepositRequest(@NotNull @Positive Long amount, @Size(max = 2000) String returnUrl) {
}
