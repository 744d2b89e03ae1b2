-- Lists of a lead department within a due window: a range on due_at right after the department,
-- so H2 (which cannot skip over the state column) reads only the open orders in the window.
-- Closed orders have no due_at and stay out of the range.
drop index work_order_lead_idx;
create index work_order_lead_due_idx on work_order (lead_department_id, due_at, state);
