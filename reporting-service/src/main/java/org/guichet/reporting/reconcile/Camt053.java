package org.guichet.reporting.reconcile;

import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.money.Money;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053.001.02 to .08) with StAX, streaming: the
 * statement's id and account, and per entry its amount, direction, booking date and remittance; an
 * entry with several transaction details (a gateway's payout of many payments) gives one line per
 * detail. External entities are refused. Not XML, or not a camt.053, is a 400.
 */
public final class Camt053 {
    /** The deepest element a statement may have (real ones: about ten). */
    static final int MAX_DEPTH = 32;
    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

    public record Statement(String id, String accountIban, List<Line> lines) {
    }

    public record Line(LocalDate bookedOn, long amount, String currency, boolean credit, String remittance,
                       String bankReference) {
    }

    private Camt053() {
    }

    public static Statement read(String xml) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            XMLStreamReader x = factory.createXMLStreamReader(new StringReader(xml));
            return new Parser(x).statement();
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw Problems.invalid("Not a readable XML document: " + e.getMessage(),
                    new FieldError("body", "must be a camt.053 bank statement"));
        }
    }

    /** Walks the document keeping the path of element names; reads what reconciliation needs. */
    private static final class Parser {
        private final XMLStreamReader x;
        private final List<String> path = new ArrayList<>();
        private String statementId;
        private String iban;
        private final List<Line> lines = new ArrayList<>();
        // the entry being read
        private String entryAmount;
        private String entryCurrency;
        private String direction;
        private String bookedOn;
        private String bankRef;
        private final List<String[]> details = new ArrayList<>(); // amount, currency, remittance
        private String detailAmount;
        private String detailCurrency;
        private StringBuilder remittance;
        private StringBuilder entryRemittance;

        Parser(XMLStreamReader x) {
            this.x = x;
        }

        Statement statement() throws XMLStreamException {
            boolean root = true;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root) {
                        String ns = x.getNamespaceURI();
                        if (!"Document".equals(x.getLocalName()) || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
                            throw Problems.invalid("Not a camt.053 bank statement (root " + x.getName() + ")",
                                    new FieldError("body", "must be a camt.053 document"));
                        }
                        root = false;
                    }
                    start(x.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(x.getLocalName());
                }
            }
            if (statementId == null || iban == null) {
                throw Problems.invalid("The statement has no Stmt/Id or no account IBAN",
                        new FieldError("body", "must hold BkToCstmrStmt/Stmt with Id and Acct/Id/IBAN"));
            }
            return new Statement(statementId, iban, lines);
        }

        private void start(String name) throws XMLStreamException {
            // a real camt.053 nests about ten deep; a deeply nested document would make every start tag cost
            // its depth (L2): refused at once
            if (path.size() >= MAX_DEPTH) {
                throw Problems.invalid("The statement nests elements deeper than " + MAX_DEPTH,
                        new FieldError("body", "is not a camt.053 statement"));
            }
            path.add(name);
            String where = String.join("/", path);
            switch (name) {
                case "Ntry" -> {
                    entryAmount = entryCurrency = direction = bookedOn = bankRef = null;
                    details.clear();
                    entryRemittance = new StringBuilder();
                }
                case "TxDtls" -> {
                    detailAmount = detailCurrency = null;
                    remittance = new StringBuilder();
                }
                case "Amt" -> {
                    String ccy = x.getAttributeValue(null, "Ccy");
                    String value = x.getElementText();
                    path.remove(path.size() - 1);
                    if (where.endsWith("Stmt/Ntry/Amt")) {
                        entryAmount = value;
                        entryCurrency = ccy;
                    } else if (where.endsWith("TxDtls/Amt") || where.endsWith("TxDtls/AmtDtls/TxAmt/Amt")) {
                        if (detailAmount == null) {
                            detailAmount = value;
                            detailCurrency = ccy;
                        }
                    }
                }
                case "Id" -> {
                    if (where.endsWith("BkToCstmrStmt/Stmt/Id")) {
                        statementId = text();
                    }
                }
                case "IBAN" -> {
                    if (where.endsWith("Stmt/Acct/Id/IBAN")) {
                        iban = text();
                    }
                }
                case "CdtDbtInd" -> {
                    if (where.endsWith("Stmt/Ntry/CdtDbtInd")) {
                        direction = text();
                    }
                }
                case "Dt" -> {
                    if (where.endsWith("Ntry/BookgDt/Dt")) {
                        bookedOn = text();
                    }
                }
                case "AcctSvcrRef" -> {
                    if (where.endsWith("Stmt/Ntry/AcctSvcrRef")) {
                        bankRef = text();
                    }
                }
                case "Ustrd", "Ref" -> {
                    if (where.contains("RmtInf")) {
                        String t = text();
                        (remittance != null && where.contains("TxDtls") ? remittance : entryRemittance)
                                .append(t).append(' ');
                    }
                }
                default -> {
                }
            }
        }

        private String text() throws XMLStreamException {
            String t = x.getElementText().strip();
            path.remove(path.size() - 1); // getElementText consumed the end tag
            return t;
        }

        private void end(String name) {
            if ("TxDtls".equals(name)) {
                details.add(new String[]{detailAmount, detailCurrency, remittance.toString().strip()});
                remittance = null;
            } else if ("Ntry".equals(name)) {
                endEntry();
            }
            if (!path.isEmpty()) {
                path.remove(path.size() - 1);
            }
        }

        private void endEntry() {
            if (entryAmount == null || entryCurrency == null || direction == null) {
                throw Problems.invalid("An entry lacks its amount, currency or direction",
                        new FieldError("body", "every Ntry needs Amt with Ccy and CdtDbtInd"));
            }
            boolean credit = "CRDT".equals(direction);
            LocalDate booked = bookedOn == null ? null : LocalDate.parse(bookedOn.substring(0, 10));
            boolean perDetail = details.size() > 1 && details.stream().allMatch(d -> d[0] != null);
            if (perDetail) {
                for (String[] d : details) {
                    lines.add(new Line(booked, minor(d[0], d[1]), d[1], credit, d[2], bankRef));
                }
            } else {
                String text = (entryRemittance + " " + (details.isEmpty() ? "" : details.get(0)[2])).strip();
                lines.add(new Line(booked, minor(entryAmount, entryCurrency), entryCurrency, credit, text, bankRef));
            }
        }

        private static long minor(String amount, String currency) {
            if (!Money.isCurrency(currency)) {
                throw Problems.invalid("Currency " + currency.substring(0, Math.min(currency.length(), 10))
                        + " is not an ISO 4217 code", new FieldError("body", "Ccy such as EUR"));
            }
            try {
                long minor = Money.parse(amount, currency).minor();
                if (minor >= 0) {
                    return minor;
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // answered below
            }
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            String shown = amount.length() > Money.MAX_DECIMAL_LENGTH ? amount.substring(0, Money.MAX_DECIMAL_LENGTH) + "…" : amount;
            throw Problems.invalid("Amount " + shown + " " + currency + " is not a valid statement amount",
                    new FieldError("body", "amounts are positive with at most " + digits + " decimals"));
        }
    }
}
