-- A loan keeps the late-fee rate it was lent under (per patron type, per day or week): a change
-- of policy or of the patron's type later does not reprice it. Null: the institution's rate.
alter table loan add column fine_amount bigint check (fine_amount >= 0);
alter table loan add column fine_interval_days int check (fine_interval_days >= 1);
alter table loan add column grace_days int check (grace_days >= 0);
