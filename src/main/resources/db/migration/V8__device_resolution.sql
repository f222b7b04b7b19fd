-- Who made each device, as the resolver last said, with the evidence, the intel bundle version
-- and the device version it read. A device whose version or bundle differs is resolved again.
create table device_resolution (
    device_id       bigint       primary key references device (id) on delete cascade,
    organisation_id bigint       not null,
    device_version  integer      not null,
    maker           varchar(64),
    sold_as         varchar(200),
    relation        varchar(20),
    confidence      double precision not null,
    needs_review    boolean      not null,
    evidence        text         not null,
    bundle_version  varchar(60)  not null,
    resolved_at     timestamp with time zone not null
);
create index device_resolution_organisation_ix on device_resolution (organisation_id, maker);
create index device_resolution_maker_ix on device_resolution (maker, organisation_id);
create index device_resolution_review_ix on device_resolution (needs_review, device_id);
