package org.guichet.reporting.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.http.OnBehalfCalls;
import org.guichet.platform.privacy.PersonalDataExport;
import org.guichet.platform.privacy.PersonalDataPart;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place a data-protection officer (or a citizen, for themselves) asks for everything Guichet
 * holds about a person. reporting-service gathers it because it already reads every service's events,
 * publishes nothing and is called by no other service: asking the others from here adds no cycle between
 * services (billing, which the others call for payability, would have to call them back). Each service's
 * part is asked over REST with the caller's identity (their token exchanged, {@link OnBehalfCalls}), so
 * every service applies its own rules to the caller; the read model's part is read here. The export is
 * whole or refused: a service that cannot answer makes it a 503 (try again), never a silently partial
 * document.
 */
@ApplicationScoped
public class PersonalDataExports {
    @ConfigProperty(name = "guichet.services.billing-url")
    String billingUrl;
    @ConfigProperty(name = "guichet.services.cart-url")
    String cartUrl;
    @ConfigProperty(name = "guichet.services.payment-url")
    String paymentUrl;
    @ConfigProperty(name = "guichet.services.notification-url")
    String notificationUrl;
    @ConfigProperty(name = "quarkus.application.name")
    String service;
    @Inject
    OnBehalfCalls calls;
    @Inject
    ReportingPersonalData personalData;
    @Inject
    Clock clock;

    /** A person of the caller's institution (an admin asks). */
    public Uni<PersonalDataExport> of(String tenant, String subject, String bearer) {
        return gather(tenant, subject, "/privacy/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                .replace("+", "%20"), bearer);
    }

    /** The calling citizen. */
    public Uni<PersonalDataExport> mine(String tenant, String subject, String bearer) {
        return gather(tenant, subject, "/privacy/me", bearer);
    }

    private Uni<PersonalDataExport> gather(String tenant, String subject, String path, String bearer) {
        Map<String, String> services = Map.of("billing", billingUrl, "cart", cartUrl, "payment", paymentUrl,
                "notification", notificationUrl);
        List<Uni<PersonalDataPart>> asked = new ArrayList<>();
        for (String name : List.of("billing", "cart", "payment", "notification")) {
            asked.add(calls.get(name, services.get(name) + path, bearer, PersonalDataPart.class)
                    .invoke(part -> check(name, part, tenant, subject)));
        }
        asked.add(personalData.export(tenant, subject)
                .map(records -> new PersonalDataPart(service, tenant, subject, clock.instant(), records)));
        return Uni.join().all(asked).andFailFast()
                .map(parts -> new PersonalDataExport(tenant, subject, clock.instant(), parts));
    }

    /** A part about someone else would be a leak: refused whole. */
    private static void check(String name, PersonalDataPart part, String tenant, String subject) {
        if (part == null || !tenant.equals(part.tenant()) || !subject.equals(part.subject())) {
            throw new ProblemException(502, name + "-error", "Personal data export failed",
                    name + "-service answered for another person", null);
        }
    }
}
