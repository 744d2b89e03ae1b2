-- How far a model's confidences can be trusted (expected calibration error on held-out texts) and
-- the temperature its probabilities are tempered by; null for versions trained before.
alter table nlp_model add column calibration_error double precision;
alter table nlp_model add column temperature double precision;
