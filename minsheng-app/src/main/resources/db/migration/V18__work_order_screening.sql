-- Issue 16: screening (risk, near-duplicates, bursts) runs after the registration commits, never
-- inside it. A row here is a registration whose screening has not succeeded yet: written with the
-- order, deleted once every screen passed, retried with a growing delay when one failed (the
-- failure is shown on the order). The row is the claim as well: a runner takes it by raising
-- attempts from the value it read, so two nodes never run the same screening at once.
create table work_order_screening (
    no              varchar(20)  primary key,
    state           varchar(10)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    updated_at      timestamp with time zone not null
);
create index work_order_screening_due_idx on work_order_screening (next_attempt_at);
