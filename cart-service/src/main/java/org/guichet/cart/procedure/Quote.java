package org.guichet.cart.procedure;

import java.util.List;

/** What a procedure costs with the chosen criteria, and why (R19). */
public record Quote(String procedure, long amount, String currency, List<Line> lines) {
    public record Line(String criterion, String option, long amount) {
    }
}
