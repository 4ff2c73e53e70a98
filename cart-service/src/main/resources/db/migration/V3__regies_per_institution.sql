-- L11: each institution has its own régies; a code one institution uses is not taken from another.
-- A procedure names a régie of its own institution.
alter table procedure drop constraint procedure_regie_fkey;
alter table regie drop constraint regie_pkey;
alter table regie add primary key (tenant, code);
alter table procedure add constraint procedure_regie_fkey foreign key (tenant, regie) references regie (tenant, code);
