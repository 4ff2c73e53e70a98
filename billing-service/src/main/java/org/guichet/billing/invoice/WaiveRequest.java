package org.guichet.billing.invoice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

/** Waive the whole outstanding amount (no amount given) or part of it (R3). */
public record WaiveRequest(@Positive @Max(Money.MAX_AMOUNT) Long amount, @Size(max = 2000) String notes) {
}
