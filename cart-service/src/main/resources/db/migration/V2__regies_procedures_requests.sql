-- Régies of the payment platform (R18, R20): who is told of paid requests, the accounting code, and
-- whether the cart pays the régie's items together (GROUPED) or one payment per item (SEPARATE).
create table regie (
    code             text primary key,
    tenant           text not null,
    name             text not null,
    accounting_code  text,
    cart_mode        text not null,
    agents           text not null,
    updated_at       timestamptz not null
);

-- The catalogue of procedures ("démarches", R19): a price made of a base and one amount per chosen
-- option of each criterion, e.g. reason EMPLOYMENT 0 / FAMILY_ALLOWANCE 500, delivery DIGITAL 0 / POSTAL 700.
create table procedure (
    id           uuid primary key,
    tenant       text not null,
    code         text not null,
    regie        text not null references regie (code),
    title        text not null,
    currency     char(3) not null,
    base_price   bigint not null check (base_price >= 0),
    criteria     text not null,
    valid_from   date not null,
    valid_until  date,
    updated_at   timestamptz not null,
    unique (tenant, code)
);

-- A citizen's request for a procedure (R19–R22); the agents see it once it is TO_PROCESS.
create table procedure_request (
    id              uuid primary key,
    tenant          text not null,
    owner           text not null,
    payer_name      text,
    payer_email     text,
    payer_language  text,
    procedure_id    uuid not null references procedure (id),
    regie           text not null,
    criteria        text not null,
    amount          bigint not null check (amount >= 0),
    currency        char(3) not null,
    state           text not null,
    payment_id      uuid,
    refusal_reason  text,
    refused_by      text,
    created_at      timestamptz not null,
    ready_at        timestamptz,
    refused_at      timestamptz,
    version         int not null default 0
);
create index procedure_request_owner on procedure_request (tenant, owner, created_at);
create index procedure_request_regie on procedure_request (regie, state, ready_at);
