-- Each audited body's present capability picture (issue #8's national review): the counts of the
-- latest result of each of its addresses, written when one of its audits ends, so that the
-- nation's figures add up one row a body rather than read every result. Bodies audited before
-- this table existed are counted at start-up.
create table capability_summary (
    organisation_id bigint primary key references organisation (id),
    devices         bigint not null,
    face_present    bigint not null,
    face_on         bigint not null,
    face_undeclared bigint not null,
    undeclared      bigint not null,
    cloud_on        bigint not null,
    services_on     bigint not null,
    vulnerable      bigint not null,
    worse           bigint not null,
    last_audit      timestamp with time zone
);
