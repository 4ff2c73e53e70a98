package org.guichet.platform.bank;

import java.util.Locale;
import java.util.Optional;

/**
 * The Belgian structured communication ("communication structurée", OGM/VCS): +++ddd/dddd/ddddd+++,
 * ten digits then two check digits — the ten taken modulo 97, 97 when that is 0. Banks check it and
 * carry it untouched to the creditor's statement, which is what reconciliation matches on.
 */
public final class StructuredCommunication {
    private StructuredCommunication() {
    }

    /** The communication for a ten-digit base (0 to 9,999,999,999). */
    public static String of(long base) {
        if (base < 0 || base > 9_999_999_999L) {
            throw new IllegalArgumentException("a structured communication has a base of ten digits: " + base);
        }
        long check = base % 97 == 0 ? 97 : base % 97;
        String digits = String.format(Locale.ROOT, "%010d%02d", base, check);
        return "+++" + digits.substring(0, 3) + "/" + digits.substring(3, 7) + "/" + digits.substring(7) + "+++";
    }

    /** The twelve digits of a communication as typed or printed (+++…+++, ***…***, spaces, slashes), if valid. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[+*/\\s]", "");
        if (!digits.matches("\\d{12}")) {
            return Optional.empty();
        }
        long base = Long.parseLong(digits.substring(0, 10));
        int check = Integer.parseInt(digits.substring(10));
        long expected = base % 97 == 0 ? 97 : base % 97;
        return check == expected ? Optional.of(digits) : Optional.empty();
    }
}
