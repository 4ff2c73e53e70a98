package org.guichet.platform.bank;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vectors computed apart from this code (a Python one-liner: base % 97 or 97). */
class StructuredCommunicationTest {

    @ParameterizedTest
    @CsvSource({"909337554, +++090/9337/55493+++", "1, +++000/0000/00101+++", "123456789, +++012/3456/78939+++",
            "9999999999, +++999/9999/99948+++", "1197465, +++000/1197/46597+++"})
    void the_check_digits_are_the_base_modulo_97_or_97(long base, String expected) {
        assertEquals(expected, StructuredCommunication.of(base));
        assertEquals(expected.replaceAll("[+/]", ""), StructuredCommunication.parse(expected).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+++090/9337/55494+++", "090933755", "+++090/9337/5549X+++", ""})
    void a_mistyped_communication_is_not_one(String text) {
        assertTrue(StructuredCommunication.parse(text).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"***090/9337/55493***", "090 9337 55493", "090933755493"})
    void the_ways_banks_print_it_are_read(String text) {
        assertEquals("090933755493", StructuredCommunication.parse(text).orElseThrow());
    }
}
