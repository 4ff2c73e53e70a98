package org.guichet.web.desk;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Amounts typed by an agent ("12,50", "12.50", "12") into minor units; anything else is refused, never guessed. */
public final class Amounts {
    private static final Pattern PLAIN = Pattern.compile("\\d{1,12}([.,]\\d{1,4})?");

    private Amounts() {
    }

    /** Minor units of {@code currency}; {@link IllegalArgumentException} for text that is not an amount of it. */
    public static long parse(String typed, String currency) {
        String s = typed == null ? "" : typed.strip().replace("\u00a0", "").replace(" ", "");
        if (!PLAIN.matcher(s).matches()) {
            throw new IllegalArgumentException("not an amount: " + typed);
        }
        BigDecimal value = new BigDecimal(s.replace(',', '.'));
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (value.scale() > digits) {
            throw new IllegalArgumentException("more decimals than " + currency + " has: " + typed);
        }
        return value.movePointRight(digits).longValueExact();
    }
}
