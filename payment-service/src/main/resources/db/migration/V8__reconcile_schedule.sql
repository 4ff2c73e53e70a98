-- When the reconciler asks the gateway about a payment next: each look-up that leaves it pending (or expired,
-- watched for a late payment) makes it wait longer, so payments a gateway can say nothing about, and a day of
-- expired ones, never crowd the newer payments out of a reconciliation pass.
alter table payment add column next_lookup_at timestamptz;
create index payment_reconcile on payment (coalesce(next_lookup_at, updated_at))
    where state in ('PENDING', 'EXPIRED') and gateway_ref is not null;
