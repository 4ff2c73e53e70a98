package org.guichet.cart.checkout;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Optional: where the citizen's browser goes back to after the gateway. */
public record CheckoutRequest(
        @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String returnUrl) {
}
