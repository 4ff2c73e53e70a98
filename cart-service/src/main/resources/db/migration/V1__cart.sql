-- Things a citizen can pay, learned from other services' events (InvoiceCreated, ...).
create table payable_item (
    id           uuid primary key,
    tenant       text not null,
    owner        text not null,
    kind         text not null,
    ref_id       text not null,
    regie        text not null,
    description  text,
    amount       bigint not null check (amount > 0),
    currency     char(3) not null,
    status       text not null,
    created_at   timestamptz not null,
    unique (kind, ref_id)
);
create index payable_owner on payable_item (tenant, owner, status);

create table cart_item (
    owner       text not null,
    payable_id  uuid not null references payable_item (id),
    added_at    timestamptz not null,
    primary key (owner, payable_id)
);

create table checkout (
    id           uuid primary key,
    tenant       text not null,
    owner        text not null,
    status       text not null,
    created_at   timestamptz not null,
    version      int not null default 0
);

-- One payment per régie group of a checkout; never one payment across régies (R20).
create table checkout_payment (
    payment_id   uuid primary key,
    checkout_id  uuid not null references checkout (id),
    regie        text not null,
    amount       bigint not null check (amount > 0),
    currency     char(3) not null,
    status       text not null,
    position     int not null
);

create table checkout_payment_item (
    payment_id  uuid not null references checkout_payment (payment_id),
    payable_id  uuid not null references payable_item (id),
    primary key (payment_id, payable_id)
);
