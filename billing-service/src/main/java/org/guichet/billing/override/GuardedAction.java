package org.guichet.billing.override;

/** The actions a restricted agent may do only with a supervisor's override (R11). */
public enum GuardedAction {
    CREATE, CANCEL, PAY, WAIVE, REFUND
}
