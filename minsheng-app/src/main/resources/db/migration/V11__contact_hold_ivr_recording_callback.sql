-- Issue 4: how long callers were held during talks (per call and per agent leg), and the recording of
-- the IVR part of a call when the flow records it ("record_ivr" in the call plan). A call that never
-- reached an agent keeps its IVR recording as its recording; a call that did keeps it here.
alter table contact_call add column hold_ms bigint;
alter table contact_call add column ivr_recording_file varchar(500);
alter table contact_call add column ivr_recording_sha256 varchar(64);
alter table contact_call_leg add column hold_ms bigint;
-- A call the center placed to call a citizen back names the call they asked from.
alter table contact_call add column callback_of varchar(200);
