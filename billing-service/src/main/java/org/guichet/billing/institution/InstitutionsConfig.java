package org.guichet.billing.institution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.guichet.billing.fine.FinePolicy;
import org.guichet.billing.fine.OperatingCalendar;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.error.Problems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The institutions (tenants) sharing this installation and what billing needs to know of each (R10). */
@ConfigMapping(prefix = "guichet.billing")
public interface InstitutionsConfig {

    Map<String, Institution> institutions();

    interface Institution {
        /** ISO 4217 currency of every bill of the institution. */
        String currency();

        /** The régie (gateway account) that collects the institution's bills. */
        String regie();

        /** Business dates (due dates, accrual days) are in this zone. */
        @WithDefault("Europe/Brussels")
        ZoneId timeZone();

        /** Weekdays the institution is always closed (late fees do not count them). */
        Optional<List<DayOfWeek>> closedWeekdays();

        /** Holidays and other closed dates. */
        Optional<List<LocalDate>> closedDates();

        /** Late fees; an institution without them charges none. */
        Optional<Fines> fines();

        /** What a statement and a receipt call the institution (R17). */
        Optional<String> statementDescriptor();

        /** The institution's name on staff pages; the statement descriptor, else the code, when none is given. */
        Optional<String> name();

        /** How the institution writes amounts and dates (a language tag, e.g. fr-BE, cs-CZ: 12,50 €, 50,00 Kč). */
        @WithDefault("fr-BE")
        String locale();

        /** Billing reasons staff may choose for a manual bill (R1). */
        @WithDefault("MANUAL,LATE_FEE,LOST_ITEM,PROCESSING_FEE,DAMAGE,OTHER")
        List<String> billingReasons();

        /**
         * Days after issue when a bill falls due: its due date is {@code issuedOn} plus this, and once that date
         * has passed (in the institution's time zone) what is left of it is overdue (the counter's "overdue amount").
         */
        @WithDefault("30")
        int paymentTermDays();

        /**
         * How money is taken at the counter (R4): the modes' codes (capitals, digits, underscores; not ONLINE or
         * CREDIT), in the order the desk offers them. What each needs is in {@link #paymentMode()}.
         */
        @WithDefault("CASH,CHEQUE,CARD_TERMINAL")
        List<String> paymentModes();

        /**
         * Per code of {@link #paymentModes()}: its kind, label and whether its reference is required. A code
         * without settings is CASH or CHEQUE when so named, else a REFERENCE whose reference is required.
         */
        Map<String, PaymentModeSettings> paymentMode();

        /** The date a bill issued on {@code issuedOn} falls due. */
        default LocalDate dueDate(LocalDate issuedOn) {
            return issuedOn.plusDays(paymentTermDays());
        }

        /** The counter's modes with what each needs, in the configured order. */
        default List<Payability.PaymentMode> counterModes() {
            return paymentModes().stream().map(code -> {
                Payability.PaymentMode inferred = Payability.PaymentMode.inferred(code);
                PaymentModeSettings settings = paymentMode().get(code);
                if (settings == null) {
                    return inferred;
                }
                Payability.Kind kind = settings.kind().orElse(inferred.kind());
                return new Payability.PaymentMode(code, kind, settings.label().orElse(null),
                        kind == Payability.Kind.REFERENCE && settings.referenceRequired());
            }).toList();
        }

        /** Patron types and their limits (R6), by code. */
        Map<String, PatronType> patronTypes();

        /** The patron type of an account that has none. */
        Optional<String> defaultPatronType();

        /** R15: only patrons with a valid registration may pay online (OPL lets expired cards pay: false). */
        @WithDefault("true")
        boolean onlinePaymentNeedsValidRegistration();

        /** R7, SmartPay: once a replacement fee was paid, nothing of it is refunded. */
        @WithDefault("false")
        boolean noRefundAfterReplacementPaid();

        /** R10: the institutions whose staff may take payments for this institution's bills. */
        Optional<List<String>> acceptsPaymentsFrom();

        /** How long personal data is kept (README, "Personal data"); the other services learn it from billing's events. */
        Retention retention();

        default Optional<PatronType> patronType(String code) {
            String type = code != null ? code : defaultPatronType().orElse(null);
            return type == null ? Optional.empty() : Optional.ofNullable(patronTypes().get(type));
        }

        default boolean acceptsPaymentsFrom(String otherTenant) {
            return acceptsPaymentsFrom().map(l -> l.contains(otherTenant)).orElse(false);
        }

        default OperatingCalendar calendar() {
            return new OperatingCalendar(new HashSet<>(closedWeekdays().orElse(List.of())),
                    new HashSet<>(closedDates().orElse(List.of())));
        }

        default Optional<FinePolicy> finePolicy() {
            return fines().map(f -> new FinePolicy(f.amount(), f.interval().units,
                    f.interval() == FineInterval.HOUR ? f.graceHours() : f.graceDays(),
                    f.maxPerItem().map(OptionalLong::of).orElse(OptionalLong.empty()),
                    f.capAtReplacementCost(), f.fixationDays().orElse(List.of()), f.interval() == FineInterval.HOUR));
        }

        /** The late-fee policy for a patron type: the institution's, with what the type changes. */
        default Optional<FinePolicy> finePolicy(String patronTypeCode) {
            String code = patronTypeCode != null ? patronTypeCode : defaultPatronType().orElse(null);
            return fines().flatMap(f -> finePolicy().map(base -> {
                FineRate rate = code == null ? null : f.patronTypes().get(code);
                if (rate == null) {
                    return base;
                }
                boolean hourly = rate.interval().map(i -> i == FineInterval.HOUR).orElse(base.hourly());
                return new FinePolicy(rate.amount().orElse(base.amountPerInterval()),
                        rate.interval().map(i -> i.units).orElse(base.intervalUnits()),
                        hourly ? rate.graceHours().orElse(hourly == base.hourly() ? base.graceUnits() : 0)
                                : rate.graceDays().orElse(hourly == base.hourly() ? base.graceUnits() : 0),
                        rate.maxPerItem().map(OptionalLong::of).orElse(base.maxPerItem()),
                        base.capAtReplacementCost(), base.fixationDays(), hourly);
            }));
        }
    }

    /** What a counter payment mode needs (R4). */
    interface PaymentModeSettings {
        /** CASH (the amount tendered, change computed), CHEQUE (number and bank) or REFERENCE (a reference text). */
        Optional<Payability.Kind> kind();

        /** What the desk calls the mode (default: its code). */
        Optional<String> label();

        /** A REFERENCE mode: whether the counter must be given the reference. */
        @WithDefault("true")
        boolean referenceRequired();
    }

    /**
     * How long the institution keeps personal data. When a period has passed, the person's name
     * becomes a pseudonym and their email a pseudonymised address; phones, postal addresses, bank details,
     * free-text notes, email bodies and raw gateway messages are erased — in every service. Amounts,
     * references, dates, régies, states and lines are kept indefinitely (R17). ISO 8601 periods.
     */
    interface Retention {
        /** After an account was closed, its holder's personal data is kept this long. */
        @WithDefault("P1Y")
        Period closedAccounts();

        /**
         * Personal data on transactions (payments, requests, refunds, emails sent, the read model, notes on
         * bills) is kept this long after the transaction, for every account, open or closed. Ten years: what
         * Belgian and Czech accounting law asks of the documents behind the books.
         */
        @WithDefault("P10Y")
        Period transactions();
    }

    /** A patron type's limits: beyond them the account is blocked from borrowing and holds (R6). */
    interface PatronType {
        /** Waived bills (cancelled ones do not count) beyond which the account is blocked. */
        Optional<Integer> maxWaivedBills();

        /** Outstanding debt in minor units from which the account is blocked. */
        Optional<Long> debtBlockThreshold();
    }

    /**
     * The interval a late fee is charged per: an operating hour (short loans; hours of closed days do
     * not count), an operating day, or a block of seven operating days.
     */
    enum FineInterval {
        HOUR(1), DAY(1), WEEK(7);

        /** Hours for HOUR, operating days otherwise. */
        public final int units;

        FineInterval(int units) {
            this.units = units;
        }
    }

    /** What a patron type changes in the institution's late fees (R13 per patron type). */
    interface FineRate {
        Optional<Long> amount();

        Optional<FineInterval> interval();

        Optional<Integer> graceDays();

        Optional<Integer> graceHours();

        Optional<Long> maxPerItem();
    }

    interface Fines {
        /** Minor units per item and started interval of overdue operating days. */
        long amount();

        @WithDefault("DAY")
        FineInterval interval();

        /** Per patron type: another amount, interval, grace or maximum. */
        Map<String, FineRate> patronTypes();

        @WithDefault("0")
        int graceDays();

        /** Grace of an hourly policy. */
        @WithDefault("0")
        int graceHours();

        Optional<Long> maxPerItem();

        @WithDefault("true")
        boolean capAtReplacementCost();

        /** Operating days overdue at which the running fee is fixed into a payable bill (R13). */
        Optional<List<Integer>> fixationDays();

        @WithDefault("LATE_FEE")
        String reason();

        /** Billed with the replacement cost when an item is declared lost. */
        Optional<Long> lostProcessingFee();

        /** R7: whether the processing fee is cleared too when a lost item comes back. */
        @WithDefault("false")
        boolean processingFeeClearedWhenFound();
    }

    default Institution of(String tenant) {
        Institution institution = institutions().get(tenant);
        if (institution == null) {
            throw Problems.forbidden("Institution " + tenant + " is not configured in this installation");
        }
        return institution;
    }
}
