-- The staff desk (issue 21) shows a bill's and a loan's item as a library circulation desk does: beside its
-- barcode and title, its call number and the branch it belongs to. A loan's fine bills copy them from the loan.
alter table loan add column call_number text;
alter table loan add column item_branch text;
alter table invoice add column call_number text;
alter table invoice add column item_branch text;
