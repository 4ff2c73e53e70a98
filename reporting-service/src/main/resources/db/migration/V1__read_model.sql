-- One line per transaction (R23), built only from events.
create table transaction_record (
    payment_id       uuid primary key,
    tenant           text not null,
    reference        text,
    regie            text not null,
    citizen_subject  text not null,
    citizen_name     text,
    total            bigint not null check (total >= 0),
    currency         char(3) not null,
    status           text not null,
    gateway          text,
    gateway_ref      text,
    mode             text,
    lines            text not null,
    search_text      text not null,
    created_at       timestamptz not null,
    settled_at       timestamptz,
    updated_at       timestamptz not null
);
create index transaction_record_tenant_date on transaction_record (tenant, created_at desc);

-- Every event seen, for timelines and audit.
create table event_log (
    event_id     uuid primary key,
    type         text not null,
    tenant       text not null,
    subject_id   text not null,
    producer     text not null,
    occurred_at  timestamptz not null
);
create index event_log_subject on event_log (subject_id, occurred_at);
