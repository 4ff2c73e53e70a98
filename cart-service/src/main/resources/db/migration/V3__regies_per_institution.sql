-- L11: each institution has its own régies; a code one institution uses is not taken from another
alter table regie drop constraint regie_pkey;
alter table regie add primary key (tenant, code);
