package org.guichet.reporting.transaction;

/**
 * The read model's status of a transaction. Events may arrive out of order across topics; a
 * status only moves to a higher rank (a late "pending" never hides a "settled").
 */
public enum TransactionStatus {
    PENDING(0), FAILED(1), SETTLED(2);

    private final int rank;

    TransactionStatus(int rank) {
        this.rank = rank;
    }

    public boolean outranks(TransactionStatus other) {
        return rank > other.rank;
    }
}
