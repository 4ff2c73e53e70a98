package org.guichet.billing.fine;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record ReturnRequest(@NotNull LocalDate returnedOn) {
}
