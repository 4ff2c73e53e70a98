package org.guichet.notification;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.guichet.platform.production.ProductionCheck;

import java.util.ArrayList;
import java.util.List;

/** In the prod profile notification needs its institutions and a sender address of its own. */
@ApplicationScoped
public class NotificationSettings implements ProductionCheck {
    private final NotificationConfig notifications;
    private final Config config;

    NotificationSettings(NotificationConfig notifications, Config config) {
        this.notifications = notifications;
        this.config = config;
    }

    @Override
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (notifications.institutions().isEmpty()) {
            found.add(new Violation("guichet.notification.institutions", "no institution is configured: emails would have no sender name"));
        }
        String from = config.getOptionalValue("quarkus.mailer.from", String.class).orElse("");
        if (from.isBlank() || from.endsWith(".local>") || from.endsWith(".local")) {
            found.add(new Violation("quarkus.mailer.from", "set the address emails are sent from (an address of the institution's domain)"));
        }
        return found;
    }
}
