package org.guichet.platform.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: whole minor units (cents, haléře) of one ISO 4217 currency. Arithmetic is
 * exact and refuses to mix currencies or overflow; there is no floating point anywhere.
 */
public record Money(long minor, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // throws IllegalArgumentException for an unknown code
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    /**
     * A decimal written in the currency's units ("18.42" EUR → 1842 minor units), as gateways and banks
     * write amounts: exact, so more decimals than the currency has is an {@link ArithmeticException}; not a
     * number is a {@link NumberFormatException}.
     */
    public static Money parse(String decimal, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        java.math.BigDecimal value = new java.math.BigDecimal(decimal.strip());
        if (value.scale() > digits) {
            throw new ArithmeticException(decimal + " has more decimals than " + currency + " has");
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money min(Money other) {
        sameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        sameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    /** Digits after the decimal mark for this currency (2 for EUR and CZK, 0 for JPY). */
    public int scale() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** Plain decimal text such as "50.00", for documents and gateways that want it; exact. */
    public String toDecimalString() {
        int scale = scale();
        if (scale == 0) {
            return Long.toString(minor);
        }
        long abs = Math.abs(minor);
        long pow = (long) Math.pow(10, scale);
        String fraction = String.format("%0" + scale + "d", abs % pow);
        return (minor < 0 ? "-" : "") + (abs / pow) + "." + fraction;
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }
}
