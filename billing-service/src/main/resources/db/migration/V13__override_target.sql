-- M1: a supervisor's override is bound to one account, optionally one bill, and a maximum amount where money
-- moves. Grants made before this (valid for minutes) have no account and are refused.
alter table override_grant add column account_id text;
alter table override_grant add column invoice_id uuid;
alter table override_grant add column max_amount bigint check (max_amount > 0);
