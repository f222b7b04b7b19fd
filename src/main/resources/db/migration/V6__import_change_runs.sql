-- Devices an import creates with consecutive ids are recorded as one change covering the run
-- entity_id .. last_entity_id, so that a 100,000-row import writes about a hundred change rows.
alter table import_change add column last_entity_id bigint;
update import_change set last_entity_id = entity_id;
alter table import_change alter column last_entity_id set not null;
