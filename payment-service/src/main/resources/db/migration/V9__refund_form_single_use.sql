-- M2: a refund form link works once and for a limited time
alter table manual_refund add column form_expires_at timestamptz;
alter table manual_refund add column form_used_at timestamptz;
-- links given before: used once their account was given, and valid thirty days from their refund
update manual_refund set form_used_at = details_at where details_at is not null;
update manual_refund set form_expires_at = created_at + interval '30 days';
