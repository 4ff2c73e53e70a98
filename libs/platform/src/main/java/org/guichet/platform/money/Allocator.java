package org.guichet.platform.money;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way Guichet splits an amount over several targets. Every method gives back exactly the
 * amount it was given: what it hands out plus what it leaves over is the input, to the cent.
 */
public final class Allocator {

    private Allocator() {
    }

    /** The result of filling targets in order: per-target shares and what did not fit. */
    public record Allocation(List<Long> shares, long remainder) {
        public long allocated() {
            return shares.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Fills the targets in the order given (oldest bill first), each up to its capacity, until the
     * amount runs out. What exceeds the sum of capacities is the remainder (it becomes credit).
     */
    public static Allocation inOrder(long amount, List<Long> capacities) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        List<Long> shares = new ArrayList<>(capacities.size());
        long left = amount;
        for (Long capacity : capacities) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity must not be negative");
            }
            long share = Math.min(left, capacity);
            shares.add(share);
            left -= share;
        }
        return new Allocation(List.copyOf(shares), left);
    }

    /**
     * Splits the amount in proportion to the weights, by largest remainder: shares differ from the
     * exact proportion by less than one minor unit and always add up to the amount.
     */
    public static List<Long> proportionally(long amount, List<Long> weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no weights");
        }
        long total = 0;
        for (Long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weight must not be negative");
            }
            total = Math.addExact(total, w);
        }
        if (total == 0) {
            throw new IllegalArgumentException("weights add up to zero");
        }
        long[] shares = new long[weights.size()];
        long[] remainders = new long[weights.size()];
        long given = 0;
        java.math.BigInteger big = java.math.BigInteger.valueOf(amount);
        for (int i = 0; i < shares.length; i++) {
            java.math.BigInteger[] qr = big.multiply(java.math.BigInteger.valueOf(weights.get(i)))
                    .divideAndRemainder(java.math.BigInteger.valueOf(total));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += shares[i];
        }
        long left = amount - given;
        while (left > 0) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            left--;
        }
        List<Long> out = new ArrayList<>(shares.length);
        for (long s : shares) {
            out.add(s);
        }
        return List.copyOf(out);
    }
}
