-- The key holder's own PostgreSQL role: it touches only its allowance counters (rate limits and its daily
-- ceiling), never a report, vault or key. Run after `manage.py migrate`, as the postgres user:
--   sudo -u postgres psql confide -f deploy/postgres/oprf-grants.sql
-- (peer authentication maps the confide-oprf system user to this role).
CREATE ROLE "confide-oprf" LOGIN;
GRANT CONNECT ON DATABASE confide TO "confide-oprf";
GRANT USAGE ON SCHEMA public TO "confide-oprf";
GRANT SELECT, INSERT, UPDATE ON escrow_oprfallowance TO "confide-oprf";
GRANT USAGE ON SEQUENCE escrow_oprfallowance_id_seq TO "confide-oprf";
