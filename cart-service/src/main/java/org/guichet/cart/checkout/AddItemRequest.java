package org.guichet.cart.checkout;

import jakarta.validation.constraints.NotBlank;

public record AddItemRequest(@NotBlank String payableId) {
}
