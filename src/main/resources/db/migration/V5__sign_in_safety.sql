-- A password someone else chose (the first administrator's, a new account's, a reset one) must be
-- replaced at the first sign-in; and repeated failed sign-ins lock an account for a while.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column failed_sign_ins integer not null default 0;
alter table app_user add column locked_until timestamp with time zone;
