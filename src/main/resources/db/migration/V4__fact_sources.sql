-- Each fact of a device carries its own provenance. A device's provenance columns say who made its
-- last change; a fact that change left alone keeps its older provenance, stored here as JSON keyed
-- by field (see FactSourcesColumn). Null when every fact came with the last write.
alter table device add column fact_sources varchar(8000);
