-- What was refunded of each transaction, from RefundIssued (in any order with the settlement).
alter table transaction_record add column refunded bigint not null default 0 check (refunded >= 0);
create table transaction_refund (
    event_id     uuid primary key,
    payment_id   uuid not null,
    tenant       text not null,
    amount       bigint not null check (amount >= 0),
    currency     char(3) not null,
    mode         text,
    reason       text,
    refunded_at  timestamptz not null
);
create index transaction_refund_payment on transaction_refund (payment_id);

-- The institutions whose bills a transaction pays ("|lib-kladno|lib-slany|"): a Kladno agent may take
-- a cheque for a bill of Slaný (R10), and Slaný's finance filters on it.
alter table transaction_record add column institutions text;
update transaction_record set institutions = '|' || tenant || '|';

-- The line items as the CSV shows them ("Extrait d'acte = 12,00 | …"), written once when the
-- transaction changes, so that an export of a million lines parses no JSON. Null: computed on read.
alter table transaction_record add column lines_summary text;

-- The transaction's timeline: the events about its payment or about what it pays for.
create index event_log_subject_type on event_log (subject_id, occurred_at, type);
