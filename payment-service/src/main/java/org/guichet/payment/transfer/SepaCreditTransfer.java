package org.guichet.payment.transfer;

import org.guichet.platform.money.Money;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A customer credit-transfer initiation, ISO 20022 pain.001.001.03 (the version every SEPA bank
 * accepts): one payment information block per debtor account and currency, one transaction per
 * refund. EUR transfers ask for the SEPA service level; names are reduced to the Latin characters
 * SEPA carries.
 */
public final class SepaCreditTransfer {
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Money going out of one debtor account in one currency. */
    public record Group(String debtorName, String debtorIban, String debtorBic, String currency, LocalDate executionDate,
                        List<Transfer> transfers) {
        long total() {
            return transfers.stream().mapToLong(Transfer::amount).reduce(0L, Math::addExact);
        }
    }

    public record Transfer(String endToEndId, long amount, String creditorName, String creditorIban, String creditorBic,
                           String remittance) {
    }

    /** What stands for an IBAN erased from a kept document. */
    public static final String ERASED_IBAN = "ERASED";

    private SepaCreditTransfer() {
    }

    public static String document(String messageId, Instant createdAt, String initiatingParty, List<Group> groups) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Document");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("CstmrCdtTrfInitn");
            x.writeStartElement("GrpHdr");
            text(x, "MsgId", messageId);
            text(x, "CreDtTm", CREATED.format(createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            text(x, "NbOfTxs", Integer.toString(groups.stream().mapToInt(g -> g.transfers().size()).sum()));
            text(x, "CtrlSum", controlSum(groups));
            x.writeStartElement("InitgPty");
            text(x, "Nm", latin(initiatingParty, 70));
            x.writeEndElement();
            x.writeEndElement();
            int n = 0;
            for (Group g : groups) {
                paymentInformation(x, messageId + "-" + (++n), g);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the transfer file", e);
        }
    }

    private static void paymentInformation(XMLStreamWriter x, String id, Group g) throws XMLStreamException {
        x.writeStartElement("PmtInf");
        text(x, "PmtInfId", id.length() > 35 ? id.substring(id.length() - 35) : id);
        text(x, "PmtMtd", "TRF");
        text(x, "BtchBookg", "true");
        text(x, "NbOfTxs", Integer.toString(g.transfers().size()));
        text(x, "CtrlSum", decimal(g.total(), g.currency()));
        if ("EUR".equals(g.currency())) {
            x.writeStartElement("PmtTpInf");
            x.writeStartElement("SvcLvl");
            text(x, "Cd", "SEPA");
            x.writeEndElement();
            x.writeEndElement();
        }
        text(x, "ReqdExctnDt", g.executionDate().toString());
        x.writeStartElement("Dbtr");
        text(x, "Nm", latin(g.debtorName(), 70));
        x.writeEndElement();
        account(x, "DbtrAcct", g.debtorIban());
        agent(x, "DbtrAgt", g.debtorBic(), true);
        text(x, "ChrgBr", "SLEV");
        for (Transfer t : g.transfers()) {
            x.writeStartElement("CdtTrfTxInf");
            x.writeStartElement("PmtId");
            text(x, "EndToEndId", t.endToEndId());
            x.writeEndElement();
            x.writeStartElement("Amt");
            x.writeStartElement("InstdAmt");
            x.writeAttribute("Ccy", g.currency());
            x.writeCharacters(decimal(t.amount(), g.currency()));
            x.writeEndElement();
            x.writeEndElement();
            agent(x, "CdtrAgt", t.creditorBic(), false);
            x.writeStartElement("Cdtr");
            text(x, "Nm", latin(t.creditorName(), 70));
            x.writeEndElement();
            account(x, "CdtrAcct", t.creditorIban());
            x.writeStartElement("RmtInf");
            text(x, "Ustrd", latin(t.remittance(), 140));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void account(XMLStreamWriter x, String element, String iban) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeStartElement("Id");
        text(x, "IBAN", iban);
        x.writeEndElement();
        x.writeEndElement();
    }

    /** The bank by its BIC; without one, the debtor's agent is "not provided" (IBAN-only SEPA) and a creditor's left out. */
    private static void agent(XMLStreamWriter x, String element, String bic, boolean required) throws XMLStreamException {
        if (bic == null && !required) {
            return;
        }
        x.writeStartElement(element);
        x.writeStartElement("FinInstnId");
        if (bic != null) {
            text(x, "BIC", bic);
        } else {
            x.writeStartElement("Othr");
            text(x, "Id", "NOTPROVIDED");
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    static String decimal(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString();
    }

    private static String controlSum(List<Group> groups) {
        // CtrlSum is a plain sum of the amounts whatever their currency (ISO 20022 DecimalNumber)
        return groups.stream().map(g -> new BigDecimal(decimal(g.total(), g.currency())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }

    /**
     * A batch document kept after the transfer, with one creditor's name (as the document wrote it) and
     * IBAN replaced: what is left of a refund whose personal data is past its retention period.
     */
    public static String withoutCreditor(String document, String holderName, String iban, String pseudonym) {
        String out = document;
        if (holderName != null) {
            out = out.replace("<Nm>" + latin(holderName, 70) + "</Nm>", "<Nm>" + pseudonym + "</Nm>");
        }
        if (iban != null) {
            out = out.replace("<IBAN>" + iban + "</IBAN>", "<IBAN>" + ERASED_IBAN + "</IBAN>");
        }
        return out;
    }

    /** SEPA's character set: Latin letters, digits and / - ? : ( ) . , ' + and space; accents dropped. */
    static String latin(String text, int max) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").replaceAll(" +", " ").strip();
        if (folded.isEmpty()) {
            folded = "-";
        }
        return folded.length() > max ? folded.substring(0, max) : folded;
    }
}
