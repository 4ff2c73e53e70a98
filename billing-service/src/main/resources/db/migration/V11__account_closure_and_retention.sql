-- Issue 8, personal data. An account is closed by staff once nothing is left on it; its holder's personal
-- data is kept for the institution's retention period after that, then replaced by a pseudonym
-- (name, addresses, phone and email; the account id and every amount stay, R17).
alter table account add column closed_at timestamptz;
alter table account add column closed_by text;
alter table account add column pseudonymised_at timestamptz;
alter table account add column pseudonym text;
create index account_closed_not_pseudonymised on account (tenant, closed_at)
    where closed_at is not null and pseudonymised_at is null;

-- One row per institution and business date the retention job ran for: the day's TransactionsPastRetention
-- is published once however often the job runs (replicas, POST /admin/retention).
create table retention_run (
    tenant          text not null,
    business_date   date not null,
    transactions_before timestamptz not null,
    accounts        int not null,
    ran_at          timestamptz not null,
    primary key (tenant, business_date)
);
