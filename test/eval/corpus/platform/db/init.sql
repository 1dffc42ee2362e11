-- Bootstrap roles for the analytics database (run once by the platform team).
CREATE ROLE analytics_reader NOLOGIN;
GRANT CONNECT ON DATABASE analytics TO analytics_reader;
GRANT USAGE ON SCHEMA public TO analytics_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO analytics_reader;

CREATE USER metabase WITH PASSWORD '{{rand:20:pw}}';{{expect:generic-password}}
GRANT analytics_reader TO metabase;

-- Application users authenticate with SCRAM; the hash below is what pg_authid stores.
CREATE USER etl WITH PASSWORD 'SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=:MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXY=';
ALTER USER etl VALID UNTIL '2026-01-01';

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    api_key_id    UUID,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO users (email, password_hash, api_key_id) VALUES
    ('admin@example.com', '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$R4nd0mH4shV4lu3F0rT3st1ngPurp0s3sXYZabc', '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d'),
    ('viewer@example.com', '$2y$10$E6uKx0ZfnQh1eJ8m9vQb8eXy2mJzq1c9v4rT7yU2wS5dF8gH1jK3L', NULL);
