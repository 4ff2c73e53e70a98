package org.guichet.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/** What searches compare: text folded to lower case without accents, and safe LIKE patterns. */
public final class SearchText {
    private SearchText() {
    }

    /** "Nováková " → "novakova": French, Dutch and Czech names are found without their accents. */
    public static String fold(String s) {
        return Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** The input taken literally in a LIKE pattern with escape character {@code \}. */
    public static String likeLiteral(String input) {
        return input.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The agents' {@code *} wildcard becomes LIKE's {@code %}; everything else is literal. */
    public static String likeWithStars(String input) {
        return likeLiteral(input).replace('*', '%');
    }
}
