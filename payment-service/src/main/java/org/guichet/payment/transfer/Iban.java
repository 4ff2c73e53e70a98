package org.guichet.payment.transfer;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An IBAN of a SEPA country, checked the way a bank checks it: the country's length and BBAN format
 * (from the SWIFT IBAN registry: n digits, a capital letters, c letters or digits), then the ISO 7064
 * mod-97 check digits. Spaces are ignored and letters upper-cased.
 */
public final class Iban {
    /** BBAN structure per SEPA country. */
    private static final Map<String, String> BBAN = Map.ofEntries(
            Map.entry("AD", "4n4n12c"), Map.entry("AT", "5n11n"), Map.entry("BE", "3n7n2n"),
            Map.entry("BG", "4a4n2n8c"), Map.entry("CH", "5n12c"), Map.entry("CY", "3n5n16c"),
            Map.entry("CZ", "4n6n10n"), Map.entry("DE", "8n10n"), Map.entry("DK", "4n9n1n"),
            Map.entry("EE", "2n2n11n1n"), Map.entry("ES", "4n4n1n1n10n"), Map.entry("FI", "3n11n"),
            Map.entry("FR", "5n5n11c2n"), Map.entry("GB", "4a6n8n"), Map.entry("GI", "4a15c"),
            Map.entry("GR", "3n4n16c"), Map.entry("HR", "7n10n"), Map.entry("HU", "3n4n1n15n1n"),
            Map.entry("IE", "4a6n8n"), Map.entry("IS", "4n2n6n10n"), Map.entry("IT", "1a5n5n12c"),
            Map.entry("LI", "5n12c"), Map.entry("LT", "5n11n"), Map.entry("LU", "3n13c"),
            Map.entry("LV", "4a13c"), Map.entry("MC", "5n5n11c2n"), Map.entry("MT", "4a5n18c"),
            Map.entry("NL", "4a10n"), Map.entry("NO", "4n6n1n"), Map.entry("PL", "8n16n"),
            Map.entry("PT", "4n4n11n2n"), Map.entry("RO", "4a16c"), Map.entry("SE", "3n16n1n"),
            Map.entry("SI", "5n8n2n"), Map.entry("SK", "4n6n10n"), Map.entry("SM", "1a5n5n12c"),
            Map.entry("VA", "3n15n"));
    private static final Pattern PART = Pattern.compile("(\\d+)([nac])");
    private static final Map<String, Pattern> FORMATS = BBAN.entrySet().stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> bbanPattern(e.getValue())));
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");

    private Iban() {
    }

    /** The IBAN in its electronic form, or why it is not one. */
    public static Result check(String input) {
        if (input == null || input.isBlank()) {
            return Result.invalid("is required");
        }
        String iban = input.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return Result.invalid("must be two letters, two check digits and the account (letters and digits)");
        }
        String country = iban.substring(0, 2);
        String bban = BBAN.get(country);
        if (bban == null) {
            return Result.invalid("country " + country + " is not in the SEPA area: a transfer cannot reach it");
        }
        Pattern format = FORMATS.get(country);
        int length = 4 + lengthOf(bban);
        if (iban.length() != length) {
            return Result.invalid("an IBAN of " + country + " has " + length + " characters, not " + iban.length());
        }
        if (!format.matcher(iban.substring(4)).matches()) {
            return Result.invalid("does not have the account format of " + country);
        }
        if (mod97(iban.substring(4) + iban.substring(0, 4)) != 1) {
            return Result.invalid("check digits do not match: a character was mistyped");
        }
        return new Result(iban, null);
    }

    /** An optional BIC (8 or 11 characters), normalised; SEPA transfers can do without one. */
    public static Result checkBic(String input) {
        if (input == null || input.isBlank()) {
            return new Result(null, null);
        }
        String bic = input.replace(" ", "").toUpperCase(Locale.ROOT);
        return isBic(bic) ? new Result(bic, null)
                : Result.invalid("must be 8 or 11 characters: bank, country, place (and branch)");
    }

    public static boolean isBic(String bic) {
        return BIC.matcher(bic).matches();
    }

    static int mod97(String rearranged) {
        int rest = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            rest = value < 10 ? (rest * 10 + value) % 97 : (rest * 100 + value) % 97;
        }
        return rest;
    }

    private static Pattern bbanPattern(String spec) {
        StringBuilder regex = new StringBuilder();
        var m = PART.matcher(spec);
        while (m.find()) {
            String chars = switch (m.group(2)) {
                case "n" -> "[0-9]";
                case "a" -> "[A-Z]";
                default -> "[A-Z0-9]";
            };
            regex.append(chars).append('{').append(m.group(1)).append('}');
        }
        return Pattern.compile(regex.toString());
    }

    private static int lengthOf(String spec) {
        int total = 0;
        var m = PART.matcher(spec);
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }

    /** {@code value} (normalised) when valid, else {@code problem} says why. */
    public record Result(String value, String problem) {
        static Result invalid(String why) {
            return new Result(null, why);
        }

        public boolean valid() {
            return problem == null;
        }
    }
}
