-- The agent who took a counter payment (the cash-up per agent and day) and the receipt number.
alter table transaction_record add column operator text;
alter table transaction_record add column receipt_number text;
-- Keyset pagination by date or by amount.
create index transaction_record_tenant_total on transaction_record (tenant, total desc, payment_id);
create index transaction_record_tenant_created on transaction_record (tenant, created_at desc, payment_id);
