package org.guichet.cart;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "guichet.cart")
public interface CartConfig {
    /** Public base URL of payment-service, for the links a checkout hands to the citizen. */
    String paymentServiceUrl();

    /** A cart untouched this long expires: its items leave the cart (they stay payable). */
    @io.smallrye.config.WithDefault("P1D")
    java.time.Duration expireAfter();
}
