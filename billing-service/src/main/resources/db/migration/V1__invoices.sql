create table invoice (
    id           uuid primary key,
    tenant       text not null,
    number       text not null,
    account_id   text not null,
    regie        text not null,
    reason       text not null,
    description  text,
    item_barcode text,
    item_title   text,
    amount       bigint not null check (amount > 0),
    paid         bigint not null default 0 check (paid >= 0),
    waived       bigint not null default 0 check (waived >= 0),
    currency     char(3) not null,
    state        text not null,
    issued_on    date not null,
    created_at   timestamptz not null,
    created_by   text not null,
    version      int not null default 0,
    unique (tenant, number),
    check (paid + waived <= amount)
);
create index invoice_account on invoice (tenant, account_id, created_at);

create table invoice_history (
    id            uuid primary key,
    invoice_id    uuid not null references invoice (id),
    tenant        text not null,
    action        text not null,
    amount        bigint not null check (amount >= 0),
    payment_mode  text,
    reference     text,
    operator      text not null,
    notes         text,
    occurred_at   timestamptz not null
);
create index invoice_history_invoice on invoice_history (invoice_id, occurred_at);

-- Human invoice numbers, unique per institution and year.
create table invoice_number_counter (
    tenant  text not null,
    year    int not null,
    last    bigint not null,
    primary key (tenant, year)
);
