package org.guichet.payment.regie;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.guichet.platform.error.Problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** payment-service's typed configuration: its public address, the régies' gateway accounts, the sandbox. */
@ConfigMapping(prefix = "guichet.payment")
public interface PaymentConfig {

    /** Base URL at which gateways and browsers reach this service. */
    String publicUrl();

    Map<String, Regie> regies();

    Sandbox sandbox();

    /** Connections kept open to each gateway (creations, status look-ups, refunds). */
    @WithDefault("32")
    int gatewayConnections();

    /**
     * How often callbacks whose processing did not finish are processed again; the automatic refunds run
     * on the same interval (docs/adr/0005-sweep-windows.md).
     */
    @WithDefault("10s")
    String inboxSweepEvery();

    /** How long the inbox keeps callbacks that failed verification (their bounded summaries), then deletes them. */
    @WithDefault("P7D")
    java.time.Duration rejectedCallbackRetention();

    /** How often rejected callbacks past their retention are deleted (a scheduler interval). */
    @WithDefault("1h")
    String rejectedCallbackPurgeEvery();

    /** GET /payments/{id}/return asks the gateway about one payment at most once in this interval. */
    @WithDefault("PT10S")
    java.time.Duration returnLookupInterval();

    /** How often the reconciler looks for payments whose outcome is unknown (a scheduler interval). */
    @WithDefault("60s")
    String reconcileEvery();

    /** A pending payment is looked up at its gateway once it has had no news for this long. */
    @WithDefault("PT2M")
    java.time.Duration reconcileAfter();

    /** Still open at the gateway after this long, a payment expires. */
    @WithDefault("PT30M")
    java.time.Duration expireAfter();

    /** How long a refund form link (the payer's bank account) works; it works once (M2). */
    @WithDefault("P30D")
    java.time.Duration refundFormValidity();

    /** Days after the export that a refund transfer file asks the bank to execute it. */
    @WithDefault("1")
    int transferExecutionDays();

    /** An expired payment is still looked up this long: paid late, it is settled. */
    @WithDefault("P1D")
    java.time.Duration latePaymentWindow();

    enum ReferenceFormat {
        SEQUENTIAL, BE_STRUCTURED
    }

    /** A régie's gateway account (R18). */
    interface Regie {
        /** Adapter name: mollie, gopay, ogone, sips (or sandbox, where the sandbox is enabled). */
        String gateway();

        /**
         * The institutions (tenants) whose citizens pay into this régie's account online. A checkout of another
         * institution naming it fails: an admin who gives a cart régie another institution's code never has
         * its requests paid into that institution's account.
         */
        List<String> institutions();

        String currency();

        /** Smallest amount payable online, in minor units (R16). */
        @WithDefault("1")
        long minimumAmount();

        /** What the citizen's bank statement shows (R17). */
        Optional<String> statementDescriptor();

        /** How payment references look: REGIE-000042, or a Belgian structured communication. */
        @WithDefault("SEQUENTIAL")
        ReferenceFormat referenceFormat();

        /** For structured communications: the régie's three digits (0–999), unique on its bank account. */
        Optional<@jakarta.validation.constraints.Max(999) Integer> referencePrefix();

        /** The régie's API key at its gateway (Mollie); from a secret in production, never logged. */
        Optional<String> apiKey();

        /** GoPay: the merchant's GoID and OAuth2 client (the secret from a secret, never logged). */
        Optional<Long> goid();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** Ogone: the merchant's PSPID, SHA-IN and SHA-OUT passphrases and hash, DirectLink API user. */
        Optional<String> pspid();

        Optional<String> shaIn();

        Optional<String> shaOut();

        @WithDefault("SHA-256")
        String shaAlgorithm();

        Optional<String> userId();

        Optional<String> password();

        /** Worldline Sips 2.0: merchant id, secret key and its version, seal algorithm (HMAC-SHA-256 or SHA-256). */
        Optional<String> merchantId();

        Optional<String> secretKey();

        @WithDefault("1")
        int keyVersion();

        @WithDefault("HMAC-SHA-256")
        String sealAlgorithm();

        /**
         * A test régie: it may use a gateway's test endpoint or test key, or the sandbox, in the prod profile
         * (a rehearsal before going live). Its payments take no real money.
         */
        @WithDefault("false")
        boolean test();

        /** The régie's time zone: receipts show local time and are numbered per local year. */
        @WithDefault("Europe/Brussels")
        java.time.ZoneId timeZone();

        /** The régie's own bank account, debited by refund transfers (SEPA pain.001): holder, IBAN, BIC. */
        Optional<String> bankAccountName();

        Optional<String> bankAccountIban();

        Optional<String> bankAccountBic();
    }

    /** Worldline Sips 2.0: the Paypage and the Office JSON services. */
    Sips sips();

    interface Sips {
        @WithDefault("https://payment-webinit.sips-services.com")
        String paypageUrl();

        @WithDefault("https://office-server.sips-services.com")
        String officeUrl();
    }

    /** Ingenico/Ogone e-Commerce: the ncol base (…/ncol/prod; …/ncol/test is the gateway's test platform). */
    Ogone ogone();

    interface Ogone {
        @WithDefault("https://secure.ogone.com/ncol/prod")
        String baseUrl();
    }

    /** GoPay REST (https://gate.gopay.cz/api; the simulator in the demo and the tests). */
    GoPay gopay();

    interface GoPay {
        @WithDefault("https://gate.gopay.cz/api")
        String baseUrl();
    }

    /** Mollie Payments API v2 (the simulator in tests and demos, https://api.mollie.com for real). */
    Mollie mollie();

    interface Mollie {
        @WithDefault("https://api.mollie.com")
        String baseUrl();
    }

    /**
     * The built-in sandbox gateway (pay, refuse or cancel with no money): served under /sandbox and usable by
     * régies only when enabled — by the demo and the tests; never in the prod profile (ProductionSettings).
     */
    interface Sandbox {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("${guichet.payment.public-url}/sandbox")
        String baseUrl();

        Optional<String> apiKey();

        /** Current secret first; older ones are still accepted while keys rotate. */
        Optional<List<String>> webhookSecrets();

        default String requireApiKey() {
            return apiKey().orElseThrow(() -> new IllegalStateException("guichet.payment.sandbox.api-key is not set"));
        }

        default List<String> requireWebhookSecrets() {
            return webhookSecrets().orElseThrow(() -> new IllegalStateException("guichet.payment.sandbox.webhook-secrets is not set"));
        }
    }

    default Optional<Regie> regie(String code) {
        return Optional.ofNullable(regies().get(code));
    }

    default Regie requireRegie(String code) {
        return regie(code).orElseThrow(() -> Problems.unprocessable("unknown-regie", "Régie " + code + " is not configured"));
    }
}
