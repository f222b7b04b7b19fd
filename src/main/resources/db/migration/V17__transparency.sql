-- Transparency statements (issue #8): each published version of a body's statement, as JSON,
-- written once and never changed; a later version supersedes it.
create table transparency_statement (
    organisation_id bigint       not null references organisation (id),
    version         integer      not null,
    published_at    timestamp with time zone not null,
    published_by    varchar(100) not null,
    body            text         not null,
    primary key (organisation_id, version)
);
