package org.guichet.platform.money;

public class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(String expected, String actual) {
        super("currency mismatch: " + expected + " vs " + actual);
    }
}
