package org.guichet.events.payload;

import java.util.List;

/**
 * The account may no longer borrow or place holds (R6): {@code reason} is the block just added
 * (MAX_WAIVED_BILLS or DEBT_THRESHOLD), {@code activeBlocks} all blocks now in force.
 */
public record AccountBlocked(String accountId, String reason, String detail, List<String> activeBlocks) {
    public static final String MAX_WAIVED_BILLS = "MAX_WAIVED_BILLS";
    public static final String DEBT_THRESHOLD = "DEBT_THRESHOLD";
}
