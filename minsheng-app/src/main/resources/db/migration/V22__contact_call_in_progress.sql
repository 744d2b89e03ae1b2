-- Issue 16: a call's record is written when the call starts (disposition IN_PROGRESS, with the host
-- that carries it) and completed when it ends; a record still in progress when that host starts
-- again was cut off by a crash, and is marked INTERRUPTED with what its recording kept.
alter table contact_call add column node varchar(100);
