-- A gateway's settlement report (Mollie's settlements): one payout of many payments, less the fees. The
-- payout reaches the bank as one credit carrying the settlement's reference; its payments are matched to
-- transactions by the gateway's reference.
create table gateway_settlement (
    id              uuid primary key,
    tenant          text not null,
    gateway         text not null,
    settlement_id   text not null,
    reference       text,
    amount          bigint not null check (amount >= 0),
    currency        char(3) not null,
    settled_at      timestamptz,
    imported_by     text not null,
    imported_at     timestamptz not null,
    unique (tenant, gateway, settlement_id)
);

create table settlement_payment (
    settlement          uuid not null references gateway_settlement (id),
    gateway_ref         text not null,
    amount              bigint not null check (amount >= 0),
    currency            char(3) not null,
    matched_payment_id  uuid,
    primary key (settlement, gateway_ref)
);
create index settlement_payment_matched on settlement_payment (matched_payment_id);

-- A bank credit that is a settlement's payout.
alter table bank_line add column matched_settlement uuid references gateway_settlement (id);
create index bank_line_settlement on bank_line (matched_settlement);
