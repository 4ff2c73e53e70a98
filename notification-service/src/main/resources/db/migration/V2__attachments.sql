-- A receipt travels as a PDF attachment (R12): kept with the email so a retry sends the same document.
alter table email_delivery add column attachment bytea;
alter table email_delivery add column attachment_name text;
