-- the orders registered during a call are found by its Call-ID (the call's page links them)
create index work_order_call_idx on work_order (call_id);
