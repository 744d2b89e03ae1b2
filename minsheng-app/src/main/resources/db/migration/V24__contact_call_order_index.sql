-- an order's page lists its calls (the one it came from, those the center placed about it)
create index contact_call_order_idx on contact_call (work_order_no);
