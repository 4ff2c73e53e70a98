package org.guichet.platform.money;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocatorTest {

    @Test
    void partial_payment_goes_to_the_oldest_bill_first_each_paid_in_full_where_possible() {
        // WorldShare example: bills of 10.00, 5.00 and 20.00; a payment of 12.00
        Allocator.Allocation a = Allocator.inOrder(1200, List.of(1000L, 500L, 2000L));
        assertEquals(List.of(1000L, 200L, 0L), a.shares());
        assertEquals(0, a.remainder());
    }

    @Test
    void overpayment_leaves_a_remainder_that_becomes_credit() {
        Allocator.Allocation a = Allocator.inOrder(4000, List.of(1000L, 500L));
        assertEquals(List.of(1000L, 500L), a.shares());
        assertEquals(2500, a.remainder());
    }

    @Test
    void negative_inputs_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Allocator.inOrder(-1, List.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> Allocator.inOrder(1, List.of(-1L)));
        assertThrows(IllegalArgumentException.class, () -> Allocator.proportionally(-1, List.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> Allocator.proportionally(1, List.of(0L, 0L)));
    }

    @Test
    void proportional_split_hands_out_the_odd_cent_by_largest_remainder() {
        assertEquals(List.of(34L, 33L, 33L), Allocator.proportionally(100, List.of(1L, 1L, 1L)));
        assertEquals(List.of(50L, 25L, 25L), Allocator.proportionally(100, List.of(2L, 1L, 1L)));
        assertEquals(List.of(0L, 1L), Allocator.proportionally(1, List.of(1L, 3L)));
    }

    /** Property: no cent is created or lost, and no target gets more than its capacity. */
    @RepeatedTest(200)
    void in_order_allocation_conserves_money() {
        Random random = new Random(System.nanoTime());
        int n = 1 + random.nextInt(8);
        List<Long> capacities = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            capacities.add((long) random.nextInt(100_000));
        }
        long amount = random.nextInt(500_000);
        Allocator.Allocation a = Allocator.inOrder(amount, capacities);
        assertEquals(amount, a.allocated() + a.remainder());
        boolean shortfallSeen = false;
        for (int i = 0; i < n; i++) {
            long share = a.shares().get(i);
            assertTrue(share >= 0 && share <= capacities.get(i));
            if (share < capacities.get(i)) {
                shortfallSeen = true;
            } else if (shortfallSeen) {
                assertEquals(0, share, "a younger bill is never paid before an older one is full");
            }
        }
        if (a.remainder() > 0) {
            assertEquals(capacities.stream().mapToLong(Long::longValue).sum(), a.allocated());
        }
    }

    /** Property: proportional shares add up to the amount and stay within one cent of exact. */
    @RepeatedTest(200)
    void proportional_allocation_conserves_money() {
        Random random = new Random(System.nanoTime());
        int n = 1 + random.nextInt(8);
        List<Long> weights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            weights.add((long) 1 + random.nextInt(10_000));
        }
        long amount = random.nextInt(1_000_000);
        List<Long> shares = Allocator.proportionally(amount, weights);
        assertEquals(amount, shares.stream().mapToLong(Long::longValue).sum());
        long total = weights.stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < n; i++) {
            long exactTimesTotal = amount * weights.get(i);
            long diff = Math.abs(shares.get(i) * total - exactTimesTotal);
            assertTrue(diff < total, "share within one minor unit of the exact proportion");
        }
    }
}
