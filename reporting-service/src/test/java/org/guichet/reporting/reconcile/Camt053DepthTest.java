package org.guichet.reporting.reconcile;

import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** L2: a document nested deeper than any statement is refused before its depth costs anything. */
class Camt053DepthTest {

    @Test
    void L2_aDeeplyNestedDocumentIsRefusedAtOnce() {
        int depth = 200_000; // at 33eb693 each start tag joined the whole path: quadratic, minutes of CPU
        StringBuilder xml = new StringBuilder("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">");
        xml.append("<a>".repeat(depth)).append("</a>".repeat(depth)).append("</Document>");
        ProblemException refused = assertThrows(ProblemException.class, () -> Camt053.read(xml.toString()));
        assertEquals(400, refused.status());
    }
}
