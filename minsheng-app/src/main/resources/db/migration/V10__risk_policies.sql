-- Risk policies (issue 5): the center's edited rules, as versioned documents in the block format of
-- minsheng-nlp's RiskDetector; the newest version is in force (none = the shipped rules).
create table nlp_risk_rules (
    version    integer       primary key,
    body       varchar(100000) not null,
    saved_by   varchar(100)  not null,
    saved_at   timestamp with time zone not null
);
