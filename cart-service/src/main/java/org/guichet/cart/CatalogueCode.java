package org.guichet.cart;

import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.util.regex.Pattern;

/** The codes an admin gives régies and procedures: lower-case letters, digits and dashes, as in a URL. */
public final class CatalogueCode {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private CatalogueCode() {
    }

    /** A 400 naming {@code what} when the code is not one. */
    public static void check(String code, String what) {
        if (!CODE.matcher(code).matches()) {
            throw Problems.invalid("A " + what + " code is lower-case letters, digits and dashes",
                    new FieldError("code", "must match " + CODE.pattern()));
        }
    }
}
