package org.guichet.payment.transfer;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A EUR transfer file is checked against the SEPA pain.001.001.03 schema the German banking industry
 * publishes (ISO 20022's, narrowed to the EPC rules: EUR only, SEPA characters), taken from a jar on
 * Maven Central.
 */
public class SepaCreditTransferTest {

    public static void validate(String xml) throws SAXException, IOException {
        URL xsd = SepaCreditTransferTest.class.getResource("/pain.001.001.03.xsd");
        assertNotNull(xsd, "the pain.001.001.03 XSD is on the test class path");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void two_debtor_accounts_make_a_valid_sepa_file_with_its_sums() throws Exception {
        String xml = SepaCreditTransfer.document("GUICHET-20261122-abc", Instant.parse("2026-11-22T10:15:30.123Z"),
                "Ville de Namur", List.of(
                        new SepaCreditTransfer.Group("Ville de Namur — État civil", "BE71096123456769", "GKCCBEBB", "EUR",
                                LocalDate.of(2026, 11, 23), List.of(
                                new SepaCreditTransfer.Transfer("e2e1", 500, "Marie Dubois-Lefèvre", "FR1420041010050500013M02606",
                                        null, "Refund of NAMUR-ETAT-CIVIL-000017 request refused"),
                                new SepaCreditTransfer.Transfer("e2e2", 1250, "Jan de Vries", "NL91ABNA0417164300",
                                        "ABNANL2A", "Refund of NAMUR-ETAT-CIVIL-000018"))),
                        new SepaCreditTransfer.Group("Ville de Namur — Population", "BE71096123456769", null, "EUR",
                                LocalDate.of(2026, 11, 23), List.of(new SepaCreditTransfer.Transfer("e2e3", 7000,
                                "Jana Nováková", "CZ6508000000192000145399", null, "Vrácení přeplatku")))));
        validate(xml);
        assertTrue(xml.contains("<NbOfTxs>3</NbOfTxs>"), xml);
        assertTrue(xml.contains("<CtrlSum>87.50</CtrlSum>"), xml);
        assertTrue(xml.contains("<CtrlSum>17.50</CtrlSum>"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">5.00</InstdAmt>"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">70.00</InstdAmt>"), xml);
        assertTrue(xml.contains("<Nm>Marie Dubois-Lefevre</Nm>"), "accents folded to SEPA's characters: " + xml);
        assertTrue(xml.contains("<Cd>SEPA</Cd>"), xml);
        assertTrue(xml.contains("<Id>NOTPROVIDED</Id>"), "a debtor bank without BIC: " + xml);
    }

    @Test
    void a_czk_file_has_the_same_structure_without_the_sepa_service_level() {
        String xml = SepaCreditTransfer.document("M2", Instant.parse("2026-11-22T10:15:30Z"), "Knihovna Kladno", List.of(
                new SepaCreditTransfer.Group("Knihovna Kladno", "CZ6508000000192000145399", "GIBACZPX", "CZK",
                        LocalDate.of(2026, 11, 23), List.of(new SepaCreditTransfer.Transfer("e", 7000, "Jana Nováková",
                        "CZ6508000000192000145399", null, "Vraceni")))));
        assertTrue(xml.contains("<InstdAmt Ccy=\"CZK\">70.00</InstdAmt>"), xml);
        assertTrue(!xml.contains("<Cd>SEPA</Cd>"), xml);
    }

    @Test
    void the_schema_check_catches_a_broken_file() {
        String xml = SepaCreditTransfer.document("M1", Instant.parse("2026-11-22T10:15:30Z"), "X", List.of(
                new SepaCreditTransfer.Group("D", "BE71096123456769", "GKCCBEBB", "EUR", LocalDate.of(2026, 11, 23),
                        List.of(new SepaCreditTransfer.Transfer("e", 100, "C", "BE71096123456769", null, "r")))));
        assertThrows(SAXException.class, () -> validate(xml.replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CHK2</PmtMtd>")));
    }
}
