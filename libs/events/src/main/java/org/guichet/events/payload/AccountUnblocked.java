package org.guichet.events.payload;

import java.util.List;

/** A block was lifted; the account borrows again once {@code activeBlocks} is empty. */
public record AccountUnblocked(String accountId, String reason, List<String> activeBlocks) {
}
