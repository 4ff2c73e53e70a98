-- Issue 21, finance's dashboard (GET /dashboard).
-- How a payment without money ended (PaymentFailed's outcome: FAILED, CANCELLED, EXPIRED); lines written
-- before this column say FAILED until a rebuild (POST /admin/read-model/rebuild) replays their events.
alter table transaction_record add column outcome text;

-- Settled sums per régie and day of a window: only settled lines, by settlement time.
create index transaction_record_tenant_settled on transaction_record (tenant, settled_at) where status = 'SETTLED';
-- The institution's régies, read as a skip scan (one index probe per régie, not one row per transaction).
create index transaction_record_tenant_regie on transaction_record (tenant, regie);
-- Refunds of a window.
create index transaction_refund_tenant_date on transaction_refund (tenant, refunded_at);
