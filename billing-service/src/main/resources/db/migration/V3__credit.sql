-- Prepaid credit per account (R14): deposits and overpayments in, payments from credit out.
create table account_credit (
    tenant      text not null,
    account_id  text not null,
    currency    char(3) not null,
    balance     bigint not null check (balance >= 0),
    version     int not null default 0,
    primary key (tenant, account_id)
);

create table credit_movement (
    id           uuid primary key,
    tenant       text not null,
    account_id   text not null,
    kind         text not null,
    amount       bigint not null check (amount > 0),
    reference    text,
    operator     text not null,
    occurred_at  timestamptz not null
);
create index credit_movement_account on credit_movement (tenant, account_id, occurred_at);
