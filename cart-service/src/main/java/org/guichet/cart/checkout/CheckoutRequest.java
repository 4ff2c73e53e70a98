package org.guichet.cart.checkout;

import jakarta.validation.constraints.Size;

/** Optional: where the citizen's browser goes back to after the gateway (an institution's portal: ReturnUrls). */
public record CheckoutRequest(@Size(max = 2000) String returnUrl) {
}
