-- Issue 5: the center's local gazetteer (residential compounds, roads, landmarks → the street or
-- district code they are in), kept as versioned text like the risk policies.
create table nlp_gazetteer (
    version   integer      primary key,
    body      text         not null,
    entries   integer      not null,
    saved_by  varchar(100) not null,
    saved_at  timestamp with time zone not null
);
