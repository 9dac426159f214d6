-- Outbox delivery state.
-- A worker claims a row by setting a lease (locked_until) and a fencing token (lock_token): another server
-- process skips the row until the lease ends, and a worker whose lease ran out cannot record a result over the
-- newer claim. `outcome` tells a message that was really sent from one that was only processed without sending
-- (e.g. no SMTP server configured): both have delivered_at, and delivery_note says why.
alter table outbox add column locked_until timestamptz;
alter table outbox add column lock_token uuid;
alter table outbox add column last_attempt_at timestamptz;
alter table outbox add column outcome text check (outcome in ('sent', 'not_sent'));
alter table outbox add column delivery_note text;

-- The staff notifications page lists rows of a unit newest first, and failed (still retrying) rows.
create index outbox_unit_idx on outbox (unit_id, id);
create index outbox_failed_idx on outbox (id) where delivered_at is null and dead_at is null and last_error is not null;
