-- Custom SQL migration file, put your code below! ---- Sessions are stored by the SHA-256 of their token from now on (lib/auth/session-store.ts). The rows written
-- before hold the plain cookie value and would never match a hash: delete them, signing everyone out once.
DELETE FROM `session`;
