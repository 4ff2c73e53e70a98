package org.guichet.billing.institution;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The counter's payment modes are checked when billing starts: their codes travel in PaymentSettled (where
 * ONLINE and CREDIT mean payments not taken at a counter) and settings for a code not offered are a typo.
 */
@ApplicationScoped
public class PaymentModesCheck {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    private static final Set<String> RESERVED = Set.of("ONLINE", "CREDIT");

    private final InstitutionsConfig config;

    PaymentModesCheck(InstitutionsConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Counter payment modes: " + String.join("; ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        config.institutions().forEach((tenant, institution) -> {
            String at = "guichet.billing.institutions." + tenant;
            Set<String> seen = new HashSet<>();
            for (String code : institution.paymentModes()) {
                if (!CODE.matcher(code).matches() || RESERVED.contains(code)) {
                    problems.add(at + ".payment-modes: " + code + " is not a mode code (capitals, digits, underscores; "
                            + "not ONLINE or CREDIT)");
                }
                if (!seen.add(code)) {
                    problems.add(at + ".payment-modes: " + code + " is listed twice");
                }
            }
            institution.paymentMode().keySet().stream().filter(code -> !seen.contains(code)).forEach(code ->
                    problems.add(at + ".payment-mode." + code + ": " + code + " is not in payment-modes"));
        });
        return problems;
    }
}
