-- Where to write to: account holders (from AccountRegistered, for bill notices) and payers (from
-- PaymentSettled, for the refund notice that follows later and carries no address).
create table account_contact (
    tenant      text not null,
    account_id  text not null,
    name        text,
    email       text,
    language    text,
    primary key (tenant, account_id)
);
create table payment_contact (
    payment_id  text primary key,
    tenant      text not null,
    name        text,
    email       text,
    language    text
);
-- Every email has an HTML part too: the same text in the institution's layout (name, logo).
alter table email_delivery add column body_html text;
