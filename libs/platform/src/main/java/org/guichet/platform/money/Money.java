package org.guichet.platform.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: whole minor units (cents, haléře) of one ISO 4217 currency, read from and written as
 * exact decimal text; there is no floating point anywhere. The domain computes on its {@code long} fields
 * (bounded by {@link #MAX_AMOUNT}, so sums cannot wrap); this type parses, checks and formats.
 */
public record Money(long minor, String currency) {
    /**
     * The largest amount a request may carry, in minor units (10 000 000 000.00 in a two-decimal
     * currency): far beyond any bill, and far from {@code long}'s limit, so sums of such amounts cannot wrap.
     */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** The longest decimal text {@link #parse} reads: no amount needs more, and no exponent is read (M4). */
    public static final int MAX_DECIMAL_LENGTH = 20;
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

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
     * number, an exponent or more than {@value #MAX_DECIMAL_LENGTH} characters is a {@link NumberFormatException},
     * refused before any arithmetic.
     */
    public static Money parse(String decimal, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        java.math.BigDecimal value = new java.math.BigDecimal(plainDecimal(decimal.strip()));
        if (value.scale() > digits) {
            throw new ArithmeticException(decimal + " has more decimals than " + currency + " has");
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    /** The text itself if it is a plain decimal ("-12.50") of at most {@value #MAX_DECIMAL_LENGTH} characters. */
    public static String plainDecimal(String text) {
        if (text.length() > MAX_DECIMAL_LENGTH || !PLAIN_DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("not a plain decimal of at most " + MAX_DECIMAL_LENGTH + " characters: "
                    + (text.length() > MAX_DECIMAL_LENGTH ? text.substring(0, MAX_DECIMAL_LENGTH) + "…" : text));
        }
        return text;
    }

    /** True for an ISO 4217 code that {@link Currency} knows, in capitals ("EUR"; not "eur", not "ABC"). */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True for an amount a request may carry: 0 to {@link #MAX_AMOUNT} minor units. */
    public static boolean withinBounds(long minor) {
        return minor >= 0 && minor <= MAX_AMOUNT;
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
}
