-- Counter payment modes are configured per institution (R4): payment.mode holds the institution's code, and a
-- mode of kind REFERENCE (a card terminal's ticket number, a bank transfer's reference) stores the reference.
alter table payment add column counter_reference text;
