package org.guichet.billing.fine;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The return date, and for an hourly loan the time it came back (else the end of that day). */
public record ReturnRequest(@NotNull LocalDate returnedOn, java.time.OffsetDateTime returnedAt) {

    public ReturnRequest(LocalDate returnedOn) {
        this(returnedOn, null);
    }
}
