package org.guichet.billing;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

import java.time.ZoneId;

/** A billing test that moves the service's clock (business dates, accrual, retention): put back after each test. */
public abstract class MovedClockTest extends BillingTestResource {
    /** Kladno's and Slaný's zone, where their business days start and end. */
    public static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    @Inject
    protected MovableClock clock;

    @AfterEach
    void putTimeBack() {
        clock.reset();
    }
}
