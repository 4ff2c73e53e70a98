-- Issue 8, personal data: billing's retention decisions as the read model received them. They are kept
-- apart from what the events built (a rebuild keeps them) and every line written from an event goes
-- through them: a payer's name that came back with a replayed or late event is pseudonymised again.
create table pseudonymised_subject (
    tenant      text not null,
    subject     text not null,
    pseudonym   text not null,
    applied_at  timestamptz not null,
    primary key (tenant, subject)
);
-- The newest cut-off per institution: transactions before it carry no payer name.
create table retention_cutoff (
    tenant      text primary key,
    before      timestamptz not null,
    applied_at  timestamptz not null
);
create index transaction_record_subject on transaction_record (citizen_subject);
