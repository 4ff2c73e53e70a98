package org.guichet.reporting.transaction;

import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.text.SearchText;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A back-office search (R23), checked: free text (accent-insensitive), régie, institution (of the bills
 * paid: a library of the same group may take the money), status, gateway, date
 * range (days, inclusive), amount range (minor units), sort by date or amount (newest/largest first),
 * and a keyset cursor — the last row's sort key — so that page 1,000 costs what page 1 costs.
 */
public record TransactionQuery(String tenant, String q, String regie, String institution, TransactionStatus status,
                               String gateway, LocalDate from, LocalDate to, Long minAmount, Long maxAmount, Sort sort,
                               Cursor after) {

    public enum Sort { DATE, AMOUNT }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Where the previous page ended: its last row's sort value and id. */
    public record Cursor(long value, UUID id) {
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((value + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
                return new Cursor(Long.parseLong(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw Problems.invalid("Not a cursor this search gave", new FieldError("after", "use the Next-Cursor value"));
            }
        }
    }

    public static TransactionQuery parse(String tenant, String q, String regie, String institution, String status,
                                         String gateway,
                                         String from, String to, Long minAmount, Long maxAmount, String sort, String after) {
        List<FieldError> errors = new ArrayList<>();
        TransactionStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = TransactionStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "PENDING, FAILED or SETTLED"));
            }
        }
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if ((minAmount != null && minAmount < 0) || (maxAmount != null && maxAmount < 0)) {
            errors.add(new FieldError("minAmount", "amounts are minor units, not negative"));
        }
        Sort s = Sort.DATE;
        if (sort != null && !sort.isBlank()) {
            try {
                s = Sort.valueOf(sort.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "date or amount"));
            }
        }
        if (institution != null && !institution.isBlank() && !CODE.matcher(institution).matches()) {
            errors.add(new FieldError("institution", "an institution code such as lib-slany"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("The search is not valid", errors);
        }
        return new TransactionQuery(tenant, q, regie, institution, st, gateway, fromDay, toDay, minAmount, maxAmount, s,
                after == null || after.isBlank() ? null : Cursor.decode(after));
    }

    private static LocalDate day(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a day as YYYY-MM-DD"));
            return null;
        }
    }

    public Cursor cursorOf(TransactionRecord last) {
        return new Cursor(sort == Sort.AMOUNT ? last.total : last.createdAt.toEpochMilli() * 1000
                + last.createdAt.getNano() / 1000 % 1000, last.paymentId);
    }

    /** The same search in SQL ({@code where … order by …}) with {@code $n} placeholders, for the reactive client. */
    public String sql(List<Object> params) {
        return sql(params, n -> "$" + n);
    }

    /**
     * The same search in SQL ({@code where … order by …}), from the cursor if any — the one definition of
     * the filters, for pages, exports and the back office alike; {@code placeholder} writes the n-th
     * parameter's place once it is in {@code params}: {@code $n} for the reactive client, {@code ?n} for
     * Hibernate, a setting read back for COPY, which takes no bind parameters (see {@link TransactionCsv}).
     */
    public String sql(List<Object> params, java.util.function.IntFunction<String> placeholder) {
        StringBuilder w = new StringBuilder("where tenant = ");
        params.add(tenant);
        w.append(placeholder.apply(params.size()));
        if (q != null && !q.isBlank()) {
            params.add("%" + SearchText.likeLiteral(SearchText.fold(q)) + "%");
            w.append(" and search_text like ").append(placeholder.apply(params.size())).append(" escape '\\'");
        }
        if (regie != null && !regie.isBlank()) {
            params.add(regie);
            w.append(" and regie = ").append(placeholder.apply(params.size()));
        }
        if (institution != null && !institution.isBlank()) {
            params.add("%|" + institution + "|%");
            w.append(" and institutions like ").append(placeholder.apply(params.size()));
        }
        if (status != null) {
            params.add(status.name());
            w.append(" and status = ").append(placeholder.apply(params.size()));
        }
        if (gateway != null && !gateway.isBlank()) {
            params.add(gateway);
            w.append(" and gateway = ").append(placeholder.apply(params.size()));
        }
        if (from != null) {
            params.add(from.atStartOfDay().atOffset(ZoneOffset.UTC));
            w.append(" and created_at >= ").append(placeholder.apply(params.size()));
        }
        if (to != null) {
            params.add(to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            w.append(" and created_at < ").append(placeholder.apply(params.size()));
        }
        if (minAmount != null) {
            params.add(minAmount);
            w.append(" and total >= ").append(placeholder.apply(params.size()));
        }
        if (maxAmount != null) {
            params.add(maxAmount);
            w.append(" and total <= ").append(placeholder.apply(params.size()));
        }
        String key = sort == Sort.AMOUNT ? "total" : "created_at";
        if (after != null) {
            params.add(sort == Sort.AMOUNT ? (Object) after.value()
                    : Instant.EPOCH.plusNanos(after.value() * 1000).atOffset(ZoneOffset.UTC));
            String value = placeholder.apply(params.size());
            params.add(after.id());
            String id = placeholder.apply(params.size());
            w.append(" and (").append(key).append(" < ").append(value).append(" or (").append(key).append(" = ")
                    .append(value).append(" and payment_id > ").append(id).append("))");
        }
        return w + " order by " + key + " desc, payment_id";
    }
}
