package org.guichet.reporting.transaction;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.money.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters every transaction search takes from its query string (listing, exports and the back
 * office alike). A parameter no search knows is refused rather than ignored: a typo must not silently
 * widen what finance exports.
 */
public class SearchFilter {
    static final Set<String> NAMES = Set.of("q", "regie", "institution", "status", "gateway", "from", "to",
            "minAmount", "maxAmount", "sort");

    @QueryParam("q")
    String q;
    @QueryParam("regie")
    String regie;
    @QueryParam("institution")
    String institution;
    @QueryParam("status")
    String status;
    @QueryParam("gateway")
    String gateway;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("minAmount")
    String minAmount;
    @QueryParam("maxAmount")
    String maxAmount;
    @QueryParam("sort")
    String sort;
    @Context
    UriInfo uri;

    /**
     * The checked search of the caller's institution, from {@code after} (null: from the start);
     * {@code alsoAllowed} names the endpoint's own parameters (such as {@code limit}).
     */
    public TransactionQuery query(String tenant, String after, String... alsoAllowed) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(NAMES);
        unknown.removeAll(List.of(alsoAllowed));
        unknown.forEach(name -> errors.add(new FieldError(name, "not a filter; use one of " + new TreeSet<>(NAMES))));
        Long min = amount(minAmount, "minAmount", errors);
        Long max = amount(maxAmount, "maxAmount", errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid("The search is not valid", errors);
        }
        return TransactionQuery.parse(tenant, q, regie, institution, status, gateway, from, to, min, max, sort, after);
    }

    /**
     * Amounts typed as a person types them ("12,50" or "12.50", in the currency's units with two
     * decimals, as EUR and CZK have) instead of minor units: the back office's form.
     */
    public SearchFilter amountsFromDecimal(String min, String max) {
        minAmount = minor(min, "min");
        maxAmount = minor(max, "max");
        return this;
    }

    private static String minor(String decimal, String field) {
        if (decimal == null || decimal.isBlank()) {
            return null;
        }
        try {
            // no exponent, at most 20 characters: "1E+100000000" would build a number of 10^8 digits (M4)
            return new java.math.BigDecimal(Money.plainDecimal(decimal.trim().replace(',', '.'))).movePointRight(2)
                    .setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
        } catch (NumberFormatException | ArithmeticException e) {
            throw Problems.invalid("The search is not valid", new FieldError(field, "an amount such as 12,50"));
        }
    }

    private static Long amount(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "an amount in minor units, such as 1250"));
            return null;
        }
    }
}
