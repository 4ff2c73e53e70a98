package org.guichet.platform.http;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a citizen's browser may be sent back after a payment (checkouts, deposits): an https address on the
 * institution's allow-list ({@code guichet.return-urls.hosts.<tenant>=portal.ville.be,*.ville.be}). Anything
 * else — another site (an open redirect from the payment domain), {@code javascript:} (script on the payment
 * origin, M3), plain http — is a 400 before anything is stored.
 */
@ApplicationScoped
public class ReturnUrls {
    private final Config config;

    ReturnUrls(Config config) {
        this.config = config;
    }

    /** Refuses {@code url} (null: none given, allowed) unless the tenant's list names its host. */
    public void check(String tenant, String field, String url) {
        if (url == null) {
            return;
        }
        if (!allowed(tenant, url)) {
            throw Problems.invalid("The return address is not one of the institution's",
                    new FieldError(field, "must be an https address of the institution's portal"));
        }
    }

    /** Whether the browser may be sent there (also checked before a stored address is rendered). */
    public boolean allowed(String tenant, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String allowed : config.hosts().getOrDefault(tenant, List.of())) {
            String a = allowed.strip().toLowerCase(Locale.ROOT);
            if (a.equals(host) || a.startsWith("*.") && host.endsWith(a.substring(1))) {
                return true;
            }
        }
        return false;
    }

    @ConfigMapping(prefix = "guichet.return-urls")
    public interface Config {
        /** Per institution (tenant): the hosts of its portals; {@code *.domain} for every subdomain. */
        Map<String, List<String>> hosts();
    }
}
