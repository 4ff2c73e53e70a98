-- Every open loan is updated every night, and none of the columns the accrual changes is indexed:
-- room left on each page lets PostgreSQL write the new row version on the same page (a HOT update,
-- no index maintenance), which the benchmark measures (bench/accrual.sh).
alter table loan set (fillfactor = 70);
