-- Bank statements (ISO 20022 CAMT.053) imported by finance, and their lines matched to payments (R23).
create table bank_statement (
    id            uuid primary key,
    tenant        text not null,
    account_iban  text not null,
    statement_id  text not null,
    created_on    timestamptz,
    lines         int not null,
    imported_by   text not null,
    imported_at   timestamptz not null,
    unique (tenant, account_iban, statement_id)
);

-- One credited or debited amount; a payout's detail lines are lines of their own.
create table bank_line (
    id                  uuid primary key,
    statement_id        uuid not null references bank_statement (id),
    tenant              text not null,
    booked_on           date,
    amount              bigint not null check (amount >= 0),
    currency            char(3) not null,
    credit              boolean not null,
    remittance          text,
    bank_reference      text,
    matched_payment_id  uuid
);
create index bank_line_statement on bank_line (statement_id);
create index bank_line_matched on bank_line (tenant, matched_payment_id);
