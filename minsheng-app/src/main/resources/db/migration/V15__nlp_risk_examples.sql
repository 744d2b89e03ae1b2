-- risk labels of imported examples (a risk kind or NONE), for the center's own risk model
alter table nlp_example add column risk varchar(20);
