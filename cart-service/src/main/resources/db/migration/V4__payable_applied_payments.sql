-- Issue 19: the payments billing applied to a bill, as the cart learnt them (InvoicePaid): a checkout tells
-- payment-service which ones its price counts, so a payment settled but not yet applied is caught there.
-- Null for the items projected before: what was applied to them then is not known, and is not checked.
alter table payable_item add column applied_payments text[];
