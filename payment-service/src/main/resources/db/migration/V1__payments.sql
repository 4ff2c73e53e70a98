create table payment (
    id                 uuid primary key,
    tenant             text not null,
    owner              text not null,
    payer_name         text,
    payer_email        text,
    payer_language     text,
    checkout_id        text,
    regie              text not null,
    reference          text not null unique,
    amount             bigint not null check (amount > 0),
    currency           char(3) not null,
    state              text not null,
    gateway            text not null,
    gateway_ref        text,
    checkout_url       text,
    return_url         text,
    lines              text not null,
    failure_reason     text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            int not null default 0
);
create index payment_owner on payment (tenant, owner, created_at);
create unique index payment_gateway_ref on payment (gateway, gateway_ref) where gateway_ref is not null;

-- Every state change with its cause (callback, status look-up, expiry, agent).
create table payment_transition (
    id          uuid primary key,
    payment_id  uuid not null references payment (id),
    from_state  text not null,
    to_state    text not null,
    cause       text not null,
    detail      text,
    occurred_at timestamptz not null
);
create index payment_transition_payment on payment_transition (payment_id, occurred_at);

-- Gateway callbacks land here first, verified or not, raw.
create table callback_inbox (
    id           uuid primary key,
    gateway      text not null,
    received_at  timestamptz not null,
    headers      text not null,
    body         text not null,
    verified     boolean not null,
    gateway_ref  text,
    processed_at timestamptz,
    result       text
);

-- Human payment references (the one on bank statements), per régie.
create table payment_reference_counter (
    regie text primary key,
    last  bigint not null
);

-- The built-in sandbox gateway's own storage (it stands for a remote gateway).
create table sandbox_payment (
    id                 text primary key,
    merchant_reference text not null,
    amount             bigint not null check (amount > 0),
    currency           char(3) not null,
    description        text,
    return_url         text not null,
    notify_url         text not null,
    status             text not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
