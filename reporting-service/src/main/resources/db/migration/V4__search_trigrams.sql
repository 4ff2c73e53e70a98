-- Free-text search ("%dupre%") over a million transactions: a trigram index serves LIKE with a leading
-- wildcard (pg_trgm is a trusted extension: the database owner may create it).
create extension if not exists pg_trgm;
create index transaction_record_search on transaction_record using gin (search_text gin_trgm_ops);
