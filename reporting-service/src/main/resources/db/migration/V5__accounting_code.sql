-- The régie's accounting code, for finance's exports (from the checkout that asked for the payment).
alter table transaction_record add column accounting_code text;
