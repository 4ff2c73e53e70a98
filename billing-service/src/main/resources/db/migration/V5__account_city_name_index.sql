-- City first, then name: a city search walks the index in name order and stops at the page size
-- (p50 73 ms -> 10 ms over 1,000,000 accounts). Applied migrations are never edited: this replaces
-- the city index of V4.
drop index account_city;
create index account_city on account (tenant, city_folded, name_folded);
