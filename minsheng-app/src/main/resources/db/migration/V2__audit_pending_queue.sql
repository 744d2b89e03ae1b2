-- Unsealed audit entries are queued here by id, so that the sealer reads them in primary-key order
-- from a table that stays small instead of searching audit_entry for "seq is null".
create table audit_pending (
    entry_id  bigint primary key references audit_entry (id)
);
insert into audit_pending (entry_id) select id from audit_entry where seq is null;
drop index audit_entry_unsealed_idx;
