package org.guichet.payment.transfer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IBAN registry's own examples are valid; one changed character, a wrong length or format, or a non-SEPA country is not. */
class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"BE71096123456769", "CZ6508000000192000145399", "DE89370400440532013000",
            "FR1420041010050500013M02606", "NL91ABNA0417164300", "GB29NWBK60161331926819", "SK3112000000198742637541"})
    void registry_examples_are_valid(String iban) {
        assertEquals(iban, Iban.check(iban).value());
    }

    @Test
    void spaces_and_lower_case_are_what_people_type() {
        assertEquals("BE71096123456769", Iban.check("be71 0961 2345 6769").value());
    }

    @ParameterizedTest
    @CsvSource({
            "BE71096123456768, check digits",          // last digit changed
            "BE7109612345676, characters",             // one short
            "BE71A96123456769, account format",        // a letter where Belgium has digits
            "US64SVBKUS6S3300958879, SEPA",            // not a SEPA country
            "1234, two letters"})
    void mistakes_are_named(String iban, String why) {
        Iban.Result r = Iban.check(iban);
        assertFalse(r.valid());
        assertTrue(r.problem().contains(why), r.problem());
    }

    @Test
    void bic_has_eight_or_eleven_characters() {
        assertTrue(Iban.isBic("GKCCBEBB"));
        assertTrue(Iban.isBic("GIBACZPXXXX"));
        assertFalse(Iban.isBic("GKCCBEB"));
        assertFalse(Iban.isBic("GKCC1EBB"));
    }
}
