-- Receipts (R12): a number unique per institution and year, given when the payment settles.
alter table payment add column receipt_number text;
alter table payment add column settled_at timestamptz;
create unique index payment_receipt_number on payment (tenant, receipt_number) where receipt_number is not null;
create table receipt_counter (
    tenant text not null,
    year   int not null,
    last   bigint not null,
    primary key (tenant, year)
);

-- Refunds the gateway could not make (no refund API, the card is gone): the payer gives an IBAN on a
-- form reached by an unguessable token; finance exports the ready ones as one SEPA credit-transfer
-- file (pain.001), then marks the file executed. refund_id is what asked for it (billing's refund,
-- or an automatic refund): asked twice, one manual refund.
create table manual_refund (
    id           uuid primary key,
    payment_id   uuid not null references payment (id),
    payment_ref  text not null,
    refund_id    text not null unique,
    invoice_id   text,
    tenant       text not null,
    regie        text not null,
    amount       bigint not null check (amount > 0),
    currency     char(3) not null,
    reason       text,
    state        text not null,
    form_token   text not null unique,
    holder_name  text,
    iban         text,
    bic          text,
    batch_id     uuid,
    created_at   timestamptz not null,
    details_at   timestamptz,
    executed_at  timestamptz,
    version      int not null default 0
);
create index manual_refund_state on manual_refund (state, created_at);

create table transfer_batch (
    id           uuid primary key,
    message_id   text not null unique,
    transfers    int not null,
    document     text not null,
    created_by   text not null,
    created_at   timestamptz not null,
    executed_by  text,
    executed_at  timestamptz
);

-- A bill paid twice (two attempts settled anyway): the later payment's share for it goes back on its own.
create table automatic_refund (
    id          uuid primary key,
    payment_id  uuid not null references payment (id),
    invoice_id  text not null,
    amount      bigint not null check (amount > 0),
    reason      text not null,
    created_at  timestamptz not null,
    done_at     timestamptz,
    unique (payment_id, invoice_id)
);
create index automatic_refund_pending on automatic_refund (created_at) where done_at is null;
