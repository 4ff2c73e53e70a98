package org.guichet.billing.institution;

import org.guichet.platform.billing.Payability;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** R4: the counter's modes as configured, and the configurations billing refuses to start with. */
class PaymentModesCheckTest {

    static InstitutionsConfig.PaymentModeSettings settings(Payability.Kind kind, String label, boolean required) {
        return new InstitutionsConfig.PaymentModeSettings() {
            public Optional<Payability.Kind> kind() {
                return Optional.ofNullable(kind);
            }

            public Optional<String> label() {
                return Optional.ofNullable(label);
            }

            public boolean referenceRequired() {
                return required;
            }
        };
    }

    /** An institution with these modes and settings; everything else it is asked is a test error. */
    static InstitutionsConfig.Institution institution(List<String> codes,
                                                      Map<String, InstitutionsConfig.PaymentModeSettings> settings) {
        return (InstitutionsConfig.Institution) Proxy.newProxyInstance(PaymentModesCheckTest.class.getClassLoader(),
                new Class<?>[] {InstitutionsConfig.Institution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "paymentModes" -> codes;
                    case "paymentMode" -> settings;
                    case "counterModes" -> java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static List<String> problems(InstitutionsConfig.Institution institution) {
        InstitutionsConfig config = (InstitutionsConfig) Proxy.newProxyInstance(PaymentModesCheckTest.class.getClassLoader(),
                new Class<?>[] {InstitutionsConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("institutions")) {
                        return Map.of("lib-x", institution);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PaymentModesCheck(config).problems();
    }

    @Test
    void R4_modes_are_as_configured_with_kinds_inferred_for_the_usual_codes() {
        var institution = institution(List.of("CASH", "CARD_TERMINAL", "BANK_TRANSFER", "VOUCHER", "BILL_OF_EXCHANGE"),
                Map.of("BANK_TRANSFER", settings(null, "Virement", true),
                        "VOUCHER", settings(Payability.Kind.REFERENCE, null, false),
                        "BILL_OF_EXCHANGE", settings(Payability.Kind.CHEQUE, null, true)));
        assertEquals(List.of(
                new Payability.PaymentMode("CASH", Payability.Kind.CASH, "CASH", false),
                new Payability.PaymentMode("CARD_TERMINAL", Payability.Kind.REFERENCE, "CARD_TERMINAL", true),
                new Payability.PaymentMode("BANK_TRANSFER", Payability.Kind.REFERENCE, "Virement", true),
                new Payability.PaymentMode("VOUCHER", Payability.Kind.REFERENCE, "VOUCHER", false),
                new Payability.PaymentMode("BILL_OF_EXCHANGE", Payability.Kind.CHEQUE, "BILL_OF_EXCHANGE", false)),
                institution.counterModes());
        assertEquals(List.of(), problems(institution));
    }

    @Test
    void R4_codes_that_payments_could_not_carry_and_settings_of_modes_not_offered_stop_billing() {
        assertEquals(4, problems(institution(List.of("CASH", "ONLINE", "card terminal", "CASH"),
                Map.of("CHEQUE", settings(null, "Chèque", true)))).size());
    }
}
