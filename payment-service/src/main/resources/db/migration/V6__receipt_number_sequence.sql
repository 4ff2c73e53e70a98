-- Receipt numbers come from a sequence: unique without making every settlement of an institution wait
-- on one counter row (the benchmark showed settlements queueing on its lock). Numbers may skip.
drop table receipt_counter;
create sequence receipt_number_seq;
