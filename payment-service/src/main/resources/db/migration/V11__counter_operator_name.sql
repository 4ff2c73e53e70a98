-- R8: the name of the agent who took a counter payment, carried to billing's history with their subject.
alter table payment add column operator_name text;
