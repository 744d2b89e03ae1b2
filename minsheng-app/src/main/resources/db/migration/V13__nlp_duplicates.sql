-- Issue 5: near-duplicate requests (疑似重复). Each registered order keeps a text fingerprint (a
-- MinHash, no text) with its district while it is open; an order that looks like an open one in the
-- same district within a week is listed with the score, ready for a merge.
create table nlp_order_signature (
    no            varchar(20)  primary key,
    district      varchar(6),
    signature     varchar(512) not null,
    registered_at timestamp with time zone not null,
    open          boolean      not null
);
create index nlp_order_signature_district_idx on nlp_order_signature (district, registered_at);

create table nlp_duplicate (
    no           varchar(20)  not null,
    candidate_no varchar(20)  not null,
    score        double precision not null,
    found_at     timestamp with time zone not null,
    primary key (no, candidate_no)
);
