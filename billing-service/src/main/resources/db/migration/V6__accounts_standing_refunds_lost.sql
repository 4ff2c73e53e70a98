-- R9 proxies (a proxy's principal), R16 collections.
alter table account add column principal_account_id text;
alter table account add column collections_since timestamptz;

-- R6 blocks in force (borrowing and holds), one row per reason.
create table account_block (
    tenant      text not null,
    account_id  text not null,
    reason      text not null,
    detail      text,
    since       timestamptz not null,
    primary key (tenant, account_id, reason)
);

-- R8 what happened to an account as a whole: collections, blocks, proxy links.
create table account_history (
    id           uuid primary key,
    tenant       text not null,
    account_id   text not null,
    action       text not null,
    amount       bigint,
    operator     text not null,
    notes        text,
    occurred_at  timestamptz not null
);
create index account_history_account on account_history (tenant, account_id, occurred_at);

-- R11 an override a supervisor grants a restricted agent for one action; used once.
create table override_grant (
    id          uuid primary key,
    tenant      text not null,
    agent       text not null,
    action      text not null,
    granted_by  text not null,
    notes       text,
    granted_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    used_on     text
);

-- Who authorised a restricted agent's action (R11); which payment paid (refunds go back through it).
alter table invoice_history add column granted_by text;
alter table invoice_history add column payment_id text;

-- R7 refunds; a bill made from a loan (late fee, replacement, processing fee) knows its loan.
alter table invoice add column refunded bigint not null default 0 check (refunded >= 0);
alter table invoice add constraint invoice_refund_within_paid check (refunded <= paid);
alter table invoice add column loan_id uuid;
-- A payment at the gateway holds the bill: it cannot be cancelled meanwhile.
alter table invoice add column pending_payment_id text;
create index invoice_loan on invoice (loan_id) where loan_id is not null;

create table refund (
    id            uuid primary key,
    tenant        text not null,
    invoice_id    uuid not null references invoice (id),
    account_id    text not null,
    amount        bigint not null check (amount > 0),
    currency      char(3) not null,
    destination   text not null,
    state         text not null,
    payment_id    text,
    reason        text,
    operator      text not null,
    granted_by    text,
    requested_at  timestamptz not null,
    settled_at    timestamptz
);
create index refund_invoice on refund (invoice_id);

-- Loans: renewals keep the first due date (late fees of a very overdue item count from it, R7);
-- a lost item stops accruing.
alter table loan add column first_due_date date;
alter table loan add column renewals int not null default 0;
alter table loan add column lost_on date;
update loan set first_due_date = due_date;
