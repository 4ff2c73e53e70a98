-- Patron/citizen accounts (R24 search: number, name and postal code with * wildcards, city, phone).
create extension if not exists pg_trgm;

create table account (
    id                        uuid primary key,
    tenant                    text not null,
    account_id                text not null,
    name                      text not null,
    name_folded               text not null,
    city_folded               text,
    city                      text,
    postal_code               text,
    phone                     text,
    phone_digits              text,
    email                     text,
    language                  text,
    patron_type               text,
    registration_valid_until  date,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    unique (tenant, account_id)
);
create index account_name_prefix on account (tenant, name_folded text_pattern_ops);
create index account_name_trgm on account using gin (name_folded gin_trgm_ops);
create index account_city on account (tenant, city_folded);
create index account_postal_prefix on account (tenant, postal_code text_pattern_ops);
create index account_phone on account (tenant, phone_digits);
