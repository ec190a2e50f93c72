-- auth schema, owned by role forge_auth. Flyway owns the schema; Hibernate only validates it.
CREATE TABLE forge_users (
    id            uuid PRIMARY KEY,
    email         varchar(254) NOT NULL,
    display_name  varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('customer', 'staff', 'admin')),
    password_hash varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    deleted_at    timestamptz,
    version       bigint       NOT NULL DEFAULT 0
);

-- An email is unique among live accounts; a deleted account's email may register again.
CREATE UNIQUE INDEX forge_users_email_live ON forge_users (email) WHERE deleted_at IS NULL;
-- Newest-first keyset pagination of the admin user list.
CREATE INDEX forge_users_created ON forge_users (created_at DESC, id DESC) WHERE deleted_at IS NULL;
