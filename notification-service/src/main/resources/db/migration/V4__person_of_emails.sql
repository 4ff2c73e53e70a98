-- Issue 8, personal data: who an email is about (the account id / token subject of the payer or the
-- account holder; for the agents' notices, the citizen whose payment or request it announces), and
-- which person and day a payment's contact belongs to — the export finds them, the retention policy
-- erases them. Rows written before this migration have no person: they are found by address, and
-- their retention period counts from today.
alter table email_delivery add column person text;
create index email_delivery_person on email_delivery (tenant, person);
create index email_delivery_created on email_delivery (tenant, created_at);
alter table payment_contact add column person text;
alter table payment_contact add column created_at timestamptz;
update payment_contact set created_at = now();
alter table payment_contact alter column created_at set not null;
create index payment_contact_person on payment_contact (tenant, person);
