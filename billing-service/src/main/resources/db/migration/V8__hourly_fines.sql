-- Hourly late fees (short loans): the loan keeps that its rate is per operating hour, and its due time.
alter table loan add column fine_per_hour boolean;
alter table loan add column due_at timestamptz;
