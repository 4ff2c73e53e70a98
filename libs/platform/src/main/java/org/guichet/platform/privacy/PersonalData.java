package org.guichet.platform.privacy;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service's personal data about people, one implementation per service: what it exports on request
 * ({@link PersonalDataResource}) and how it pseudonymises it ({@link PrivacyEvents}). A person is a
 * tenant and an account id, which is also the citizen's token subject. Pseudonymising replaces names by
 * the pseudonym, email addresses by {@link Pseudonym#email}, and erases phones, postal addresses, bank
 * details, free-text notes, email bodies and raw gateway messages; it never changes an amount, a
 * reference, a date, a régie, a state or a line (R17: transaction history is kept indefinitely, and totals
 * and reconciliation stay exact). Both methods run in the caller's transaction and are idempotent.
 */
public interface PersonalData {
    /** The person's data, wherever this service holds it (a closed account's retention ran out). */
    Uni<Void> pseudonymise(String tenant, String subject, String pseudonym);

    /** Personal data on the institution's transactions older than {@code before}, whoever's. */
    Uni<Void> pseudonymiseBefore(String tenant, Instant before);

    /** Every record this service holds about the person, by kind; empty when it holds none. */
    Uni<Map<String, List<Map<String, Object>>>> export(String tenant, String subject);
}
