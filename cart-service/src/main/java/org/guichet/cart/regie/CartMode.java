package org.guichet.cart.regie;

/** How a checkout pays a régie's items (R20): all together in one payment, or one payment per item. */
public enum CartMode {
    GROUPED, SEPARATE
}
