package org.guichet.cart.procedure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an agent refuses a request (R22): the citizen reads it. */
public record Refusal(@NotBlank @Size(max = 1000) String reason) {
}
