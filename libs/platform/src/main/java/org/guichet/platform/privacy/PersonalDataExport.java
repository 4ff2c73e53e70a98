package org.guichet.platform.privacy;

import java.time.Instant;
import java.util.List;

/** Everything Guichet holds about one person, on request (a data-protection officer's or their own): one part per service. */
public record PersonalDataExport(String tenant, String subject, Instant generatedAt, List<PersonalDataPart> parts) {
}
