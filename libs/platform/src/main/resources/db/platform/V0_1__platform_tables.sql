-- Tables every Guichet service has: the transactional outbox, the idempotent consumer's record
-- of applied events, and stored answers for Idempotency-Key.

create table outbox_event (
    id           uuid primary key,
    seq          bigserial not null,
    topic        text not null,
    message_key  text not null,
    type         text not null,
    envelope     text not null,
    created_at   timestamptz not null,
    sent_at      timestamptz,
    attempts     int not null default 0,
    last_error   text
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

create table processed_event (
    consumer      text not null,
    event_id      uuid not null,
    event_type    text not null,
    processed_at  timestamptz not null,
    primary key (consumer, event_id)
);

create table idempotency_key (
    scope         text not null,
    idem_key      text not null,
    request_hash  text not null,
    status        int,
    body          text,
    created_at    timestamptz not null,
    primary key (scope, idem_key)
);
