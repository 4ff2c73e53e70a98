package org.guichet.billing.invoice;

import jakarta.validation.constraints.Size;

/**
 * R5: a note is expected when a bill is cancelled. Without one the service answers with a warning
 * (422 note-expected) that the caller acknowledges by sending {@code acknowledgeMissingNote: true}.
 */
public record CancelRequest(@Size(max = 2000) String notes, Boolean acknowledgeMissingNote) {
}
