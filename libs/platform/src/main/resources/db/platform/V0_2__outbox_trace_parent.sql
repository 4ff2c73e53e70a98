-- The W3C traceparent of the request or message that wrote the event (null when tracing is off):
-- the relay sends it as the Kafka record's traceparent header, so the consumers' spans join its trace.
alter table outbox_event add column trace_parent text;
