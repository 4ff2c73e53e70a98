-- A callback is acknowledged once it is in the inbox; it is processed after, and again by the sweeper
-- if that did not finish: the verdict's status is kept so a retry does not re-check a timed signature.
alter table callback_inbox add column verdict_status text;
create index callback_inbox_unprocessed on callback_inbox (received_at) where processed_at is null and verified;
