-- Every email: what, to whom, why (the event), and how its sending went.
create table email_delivery (
    id               uuid primary key,
    source_event_id  uuid not null,
    tenant           text not null,
    template         text not null,
    language         text not null,
    recipient        text not null,
    subject          text not null,
    body_text        text not null,
    status           text not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    unique (source_event_id, template, recipient)
);
create index email_delivery_due on email_delivery (next_attempt_at) where status = 'PENDING';
create index email_delivery_recipient on email_delivery (recipient, created_at);
