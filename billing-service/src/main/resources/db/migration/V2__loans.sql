-- Loans reported by the library system, with their running late fee (R2, R13).
create table loan (
    id                uuid primary key,
    tenant            text not null,
    external_id       text not null,
    account_id        text not null,
    item_barcode      text not null,
    item_title        text,
    replacement_cost  bigint check (replacement_cost >= 0),
    currency          char(3) not null,
    due_date          date not null,
    returned_on       date,
    fee_cap           bigint check (fee_cap >= 0),
    overdue_days      int not null default 0,
    accrued           bigint not null default 0 check (accrued >= 0),
    fixed             bigint not null default 0 check (fixed >= 0),
    accrued_on        date,
    created_at        timestamptz not null,
    version           int not null default 0,
    unique (tenant, external_id),
    check (fixed <= accrued or returned_on is not null)
);
create index loan_open on loan (tenant, due_date) where returned_on is null;
create index loan_account on loan (tenant, account_id);

-- Each institution's days with the running count of operating days up to and including them:
-- the operating days between two dates are a difference of two ordinals (one join, no loop).
create table calendar_day (
    tenant      text not null,
    day         date not null,
    operating   boolean not null,
    op_ordinal  int not null default 0,
    primary key (tenant, day)
);
