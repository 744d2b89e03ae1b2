-- emotion labels of imported examples, for the emotion model
alter table nlp_example add column emotion varchar(20);

-- how each order was first dispatched, and whether that department returned it (退单率)
create table nlp_dispatch_outcome (
    order_no           varchar(20)  primary key,
    lead_department_id bigint       not null,
    automatic          boolean      not null,
    dispatched_at      timestamp with time zone not null,
    returned_at        timestamp with time zone
);
create index nlp_dispatch_outcome_at_idx on nlp_dispatch_outcome (dispatched_at);

-- one node of a cluster trains on schedule: the first to claim the slot
create table nlp_training_claim (
    slot       varchar(40)  primary key,
    claimed_at timestamp with time zone not null
);
