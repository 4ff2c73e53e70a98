-- One live payment attempt per bill or request at a time: each payment claims what its lines pay;
-- a second attempt while one is live is refused. A claim stops being live when its payment ends;
-- settled claims show a bill paid twice (the later payment is flagged).
create table payment_claim (
    ref_kind    text not null,
    ref_id      text not null,
    payment_id  uuid not null references payment (id),
    live        boolean not null,
    settled     boolean not null default false,
    primary key (ref_kind, ref_id, payment_id)
);
create unique index payment_claim_live on payment_claim (ref_kind, ref_id) where live;
alter table payment add column flag text;
