package org.guichet.web.counter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bill table's columns (WorldShare's Bills tab) and which ones the agent chose to see. The choice is kept in a
 * cookie of the agent's browser, so it holds from one customer to the next.
 */
public final class BillColumns {
    public static final String COOKIE = "desk-bill-columns";
    public static final List<String> ALL = List.of("number", "reason", "description", "barcode", "title", "callNumber",
            "branch", "regie", "issuedOn", "dueDate", "amount", "paid", "waived", "outstanding", "state");
    public static final List<String> DEFAULT = List.of("number", "reason", "title", "issuedOn", "dueDate", "amount",
            "outstanding", "state");

    private BillColumns() {
    }

    /** The columns a cookie value names, in the table's order; the default set when it names none we know. */
    public static List<String> chosen(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return DEFAULT;
        }
        Set<String> named = new LinkedHashSet<>(Arrays.asList(cookie.split("\\.")));
        List<String> known = ALL.stream().filter(named::contains).toList();
        return known.isEmpty() ? DEFAULT : known;
    }

    public static String cookieValue(List<String> columns) {
        return String.join(".", ALL.stream().filter(columns::contains).toList());
    }
}
