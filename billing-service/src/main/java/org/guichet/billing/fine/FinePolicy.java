package org.guichet.billing.fine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How late fees grow for one institution: an amount per overdue operating day after a grace
 * period, capped per item, and crystallised into payable bills at fixation thresholds (R13: Kladno
 * fixes the running fee at 10, 30 and 60 operating days — 50, 150 and 300 CZK at 5 CZK a day).
 */
public record FinePolicy(long amountPerInterval, int intervalUnits, int graceUnits, OptionalLong maxPerItem,
                         boolean capAtReplacementCost, List<Integer> fixationDays, boolean hourly) {

    public FinePolicy {
        if (amountPerInterval < 0 || graceUnits < 0 || intervalUnits < 1) {
            throw new IllegalArgumentException("fine amounts and grace days must not be negative, intervals at least a day");
        }
        fixationDays = fixationDays.stream().sorted().toList();
    }

    /** A fee per overdue operating day. */
    public FinePolicy(long amountPerDay, int graceDays, OptionalLong maxPerItem, boolean capAtReplacementCost,
                      List<Integer> fixationDays) {
        this(amountPerDay, 1, graceDays, maxPerItem, capAtReplacementCost, fixationDays, false);
    }

    /** A fee per started block of {@code intervalDays} operating days. */
    public FinePolicy(long amount, int intervalDays, int graceDays, OptionalLong maxPerItem, boolean capAtReplacementCost,
                      List<Integer> fixationDays) {
        this(amount, intervalDays, graceDays, maxPerItem, capAtReplacementCost, fixationDays, false);
    }

    /** The policy a loan was lent under: the rate, interval, grace and unit it kept from its checkout. */
    public FinePolicy forLoan(Long amount, Integer interval, Integer grace, Boolean perHour) {
        return new FinePolicy(amount == null ? amountPerInterval : amount, interval == null ? intervalUnits : interval,
                grace == null ? graceUnits : grace, maxPerItem, capAtReplacementCost, fixationDays,
                perHour == null ? hourly : perHour);
    }

    public FinePolicy forLoan(Long amount, Integer interval, Integer grace) {
        return forLoan(amount, interval, grace, null);
    }

    /** The most one item can cost in late fees, if anything caps it. */
    public OptionalLong cap(Long replacementCost) {
        long cap = Long.MAX_VALUE;
        if (maxPerItem.isPresent()) {
            cap = maxPerItem.getAsLong();
        }
        if (capAtReplacementCost && replacementCost != null) {
            cap = Math.min(cap, replacementCost);
        }
        return cap == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(cap);
    }

    /**
     * The running fee after this many overdue units — operating days, or operating hours for an hourly
     * policy: per started interval beyond the grace units.
     */
    public long accrued(int overdueUnits, Long replacementCost) {
        long chargeable = Math.max(0, overdueUnits - graceUnits);
        long intervals = (chargeable + intervalUnits - 1) / intervalUnits;
        long fee = Math.multiplyExact(intervals, amountPerInterval);
        OptionalLong cap = cap(replacementCost);
        return cap.isPresent() ? Math.min(fee, cap.getAsLong()) : fee;
    }

    /** The threshold reached, if any: the largest fixation day not after {@code overdueDays}. */
    public Optional<Integer> tierReached(int overdueDays) {
        Integer reached = null;
        for (Integer t : fixationDays) {
            if (t <= overdueDays) {
                reached = t;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** What should be fixed into bills by now: the fee as it stood on the last threshold reached. */
    public long fixedTarget(int overdueDays, Long replacementCost) {
        return tierReached(overdueDays).map(t -> accrued(t, replacementCost)).orElse(0L);
    }
}
