package org.guichet.web.desk;

import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How pages write amounts and dates: amounts as the institution writes them (its locale: 12,50 €, 50,00 Kč),
 * dates and times in the institution's time zone, in the reader's language.
 */
@TemplateData
public final class Formats {
    private final Locale institution;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final Locale reader;

    public Formats(Locale institution, ZoneId zone, Locale reader) {
        this.institution = institution;
        this.zone = zone;
        this.reader = reader;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(reader);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(reader);
    }

    /** Minor units of {@code currency} as the institution writes them. */
    public String money(long minor, String currency) {
        Currency c = Currency.getInstance(currency);
        NumberFormat f = NumberFormat.getCurrencyInstance(institution);
        f.setCurrency(c);
        f.setMinimumFractionDigits(c.getDefaultFractionDigits());
        f.setMaximumFractionDigits(c.getDefaultFractionDigits());
        return f.format(BigDecimal.valueOf(minor, c.getDefaultFractionDigits()));
    }

    public String money(Long minor, String currency) {
        return minor == null ? "" : money(minor.longValue(), currency);
    }

    /** Minor units as a plain number for an input field, with the institution's decimal separator (12,50). */
    public String plain(long minor, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        NumberFormat f = NumberFormat.getNumberInstance(institution);
        f.setGroupingUsed(false);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(minor, digits));
    }

    /** Minor units as a plain decimal with a dot (12.50), for scripts. */
    public String decimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }

    /** Day and month only, for a chart's axis. */
    public String shortDate(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofPattern("d MMM", reader).format(d);
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public String date(Instant i) {
        return i == null ? "" : date.format(i.atZone(zone));
    }

    public String dateTime(Instant i) {
        return i == null ? "" : dateTime.format(i.atZone(zone));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant i) {
        return i == null ? "" : i.atZone(zone).toOffsetDateTime().toString();
    }

    public String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public ZoneId zone() {
        return zone;
    }
}
