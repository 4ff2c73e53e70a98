-- The nightly accrual commits the loans' new fees with one row here; FinePublisher then writes their
-- FineAccrued events into the outbox (ids derived from loan, date and amounts, so a retry adds none).
-- The accrual's transaction, which holds every open loan's row lock, stays as short as the UPDATE.
create table fine_publication (
    id             uuid primary key,
    tenant         text not null,
    business_date  date not null,
    created_at     timestamptz not null,
    done_at        timestamptz,
    events         bigint
);
create index fine_publication_pending on fine_publication (created_at) where done_at is null;
