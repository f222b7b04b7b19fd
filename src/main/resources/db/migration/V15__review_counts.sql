-- The national review's counts (issue #8): each body's in-service devices by resolved maker and
-- the brand sold, kept up to date body by body as its devices are resolved again, so that the
-- national figures add up thousands of rows rather than scan every device.
create table review_count (
    organisation_id bigint       not null references organisation (id),
    maker           varchar(64),
    sold_as         varchar(200),
    devices         bigint       not null
);
create index review_count_organisation_ix on review_count (organisation_id);
