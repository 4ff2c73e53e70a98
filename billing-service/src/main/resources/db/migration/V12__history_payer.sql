-- R8: a counter payment's history names the agent who took it as operator, and the payer separately
-- (online, the payer is the operator). Entries made before this have no payer.
alter table invoice_history add column payer text;
alter table invoice_history add column operator_name text;
alter table credit_movement add column payer text;
