-- Receipts sent to an address on request (R12): kept to cap how often one payment's receipt is sent.
create table receipt_email (
    payment_id    uuid not null references payment (id),
    email         text not null,
    requested_by  text not null,
    requested_at  timestamptz not null
);
create index receipt_email_payment on receipt_email (payment_id, requested_at);

-- An automatic refund whose gateway did not answer waits before it is tried again (others go first).
alter table automatic_refund add column attempts int not null default 0;
alter table automatic_refund add column next_attempt_at timestamptz;
