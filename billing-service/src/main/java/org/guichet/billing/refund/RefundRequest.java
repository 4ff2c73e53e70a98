package org.guichet.billing.refund;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

/** Refund part ({@code amount}) or all of what a bill received, to the original payment or as credit (R7). */
public record RefundRequest(@Positive @Max(Money.MAX_AMOUNT) Long amount, @NotNull Destination destination, @Size(max = 2000) String reason) {
    public enum Destination { ORIGINAL, CREDIT }
}
