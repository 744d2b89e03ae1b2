-- Issue 16: a callback promised to a waiting caller (排队回呼) is kept here from the moment it is
-- promised until it is answered or given up, so a restart places it instead of forgetting it. The
-- number is personal data: SM4-encrypted like every phone number.
create table contact_callback_request (
    call_id       varchar(200) primary key,
    queue         varchar(100) not null,
    number_cipher varchar(500) not null,
    priority      integer      not null,
    enqueued_at   timestamp with time zone not null,
    state         varchar(12)  not null,
    attempts      integer      not null,
    updated_at    timestamp with time zone not null
);
create index contact_callback_request_state_idx on contact_callback_request (state);
