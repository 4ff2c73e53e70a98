package org.guichet.billing.invoice;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Waive the whole outstanding amount (no amount given) or part of it (R3). */
public record WaiveRequest(@Positive Long amount, @Size(max = 2000) String notes) {
}
