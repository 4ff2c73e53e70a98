-- How the money came (ONLINE through a gateway, or CASH, CHEQUE, CARD_TERMINAL at the counter, R4),
-- and at the counter: the agent, what was tendered and the change given, the cheque's details.
alter table payment add column mode text not null default 'ONLINE';
alter table payment add column operator text;
alter table payment add column tendered bigint check (tendered >= 0);
alter table payment add column change_given bigint check (change_given >= 0);
alter table payment add column cheque_number text;
alter table payment add column cheque_bank text;
alter table payment add column refunded bigint not null default 0 check (refunded >= 0);
alter table payment add constraint payment_refund_within_amount check (refunded <= amount);

-- Money given back (R7, R22): through the gateway, or paid out at the counter.
create table payment_refund (
    id                 uuid primary key,
    payment_id         uuid not null references payment (id),
    billing_refund_id  text unique,
    amount             bigint not null check (amount > 0),
    gateway_ref        text,
    reason             text,
    lines              text not null,
    created_at         timestamptz not null
);
create index payment_refund_payment on payment_refund (payment_id);

-- The sandbox gateway's refunds (one per merchant refund reference).
alter table sandbox_payment add column refunded bigint not null default 0;
create table sandbox_refund (
    id          text primary key,
    payment_id  text not null references sandbox_payment (id),
    reference   text not null unique,
    amount      bigint not null check (amount > 0),
    created_at  timestamptz not null
);
