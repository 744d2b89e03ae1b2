-- Issue 16: near-duplicates and bursts found through an index, not by comparing a new request with
-- every open order of its district (which made each registration slower as the backlog grew). Each
-- open order's fingerprint is cut into 32 bands; an order is a candidate when it shares a band with
-- the new text, and only candidates are compared. Rows go when the order closes or leaves the window.
create table nlp_signature_band (
    no            varchar(20) not null,
    band_key      bigint      not null,
    district      varchar(6)  not null,
    registered_at timestamp with time zone not null,
    primary key (no, band_key)
);
-- the key first: H2 looks an IN list up only by the first column of an index
create index nlp_signature_band_lookup_idx on nlp_signature_band (band_key, district);
create index nlp_signature_band_age_idx on nlp_signature_band (registered_at);
