-- The FAQ bot's conversations (issue 6): the last turn of each, so a follow-up, a choice after a
-- clarifying question or "没解决" is understood on whichever node of a cluster it reaches.
create table bot_conversation (
    session_id  varchar(64)   primary key,
    actor       varchar(100)  not null,
    question    varchar(200)  not null,
    offered     varchar(8000) not null,
    clarifying  boolean       not null,
    last_at     timestamp with time zone not null
);
create index bot_conversation_last_idx on bot_conversation (last_at);
