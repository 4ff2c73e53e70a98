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
-- a cheque for a bill of Slaný (R10), and finance filters on it.
alter table transaction_record add column institutions text;
update transaction_record set institutions = '|' || tenant || '|';

-- The CSV finance exports is written by PostgreSQL itself (COPY … TO STDOUT, see TransactionCsv):
-- amounts with a decimal comma for Belgian and Czech spreadsheets (ISO 4217 minor units: most
-- currencies 2, these 0 or 3), and text that a spreadsheet would run as a formula neutralised.
-- Not STRICT, one expression each: PostgreSQL inlines them (a STRICT one would cost a call per cell).
create function csv_amount(minor bigint, currency text) returns text language sql immutable parallel safe as $$
    select case
        when currency in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND',
                          'VUV', 'XAF', 'XOF', 'XPF') then minor::text
        when currency in ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND')
            then (minor / 1000)::text || ',' || lpad((minor % 1000)::text, 3, '0')
        else (minor / 100)::text || ',' || lpad((minor % 100)::text, 2, '0')
    end
$$;
create function csv_text(value text) returns text language sql immutable parallel safe as $$
    select case when value = '' then null
                when left(value, 1) in ('=', '+', '-', '@') then '''' || value
                else value end
$$;

-- The line items as the CSV shows them ("Extrait d'acte = 12,00 | …"), written once when the
-- transaction changes, so that an export of a million lines reads no JSON.
alter table transaction_record add column lines_summary text;
update transaction_record t set lines_summary = coalesce((
    select string_agg(coalesce(x.line ->> 'description', x.line ->> 'refId') || ' = '
                      || csv_amount(cast(x.line ->> 'amount' as bigint), t.currency), ' | ' order by x.n)
    from jsonb_array_elements(cast(t.lines as jsonb)) with ordinality as x(line, n)), '');
alter table transaction_record alter column lines_summary set not null;

-- The transaction's timeline: the events about its payment or about what it pays for.
create index event_log_subject_type on event_log (subject_id, occurred_at, type);
