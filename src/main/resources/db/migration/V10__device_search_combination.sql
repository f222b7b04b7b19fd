-- A national search that names a sector, a make, a kind of place and a status (the police forces'
-- Hikvision cameras at custody suites still in service) matches few devices, but each filter alone
-- matches about a tenth of a national register: walking any one filter's index passed over a hundred
-- thousand entries to find them (60-90 ms on H2 for a million devices, and more at the 95th
-- percentile). This index answers the combination directly, and three of its filters (no status)
-- from a short prefix.
--
-- It takes the place of the status index, so an import still maintains as many indexes: status
-- alone matches too many devices for an index to help (nine in ten are in service) and a search
-- on status alone walks the table in id order instead, finding a page of removed or replaced
-- devices within about a thousand rows. Searches that combine status with another filter walk that
-- filter's index, which carries the status. See DeviceRows.drivingColumns and ADR 005.
drop index device_status_ix;
create index device_combination_ix on device (sector, manufacturer_key, site_kind, status, id);
