-- L10: a citizen's receipt emails of the day are counted across their payments
create index receipt_email_requester on receipt_email (requested_by, requested_at);
