/** Where the browser tests find the app and the simulator started by scripts/e2e-server.ts. */
export const E2E_APP_PORT = 3100;
export const E2E_SIM_PORT = 4110;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
/** The simulator's API, OAuth pages and /__admin (it listens on 127.0.0.1). */
export const E2E_SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`;
/**
 * The e2e server's throw-away database, inside this checkout so that specs that prepare history the honest way
 * (the real sync, driven from the test process) write into the very database the server reads — never another
 * checkout's.
 */
export const E2E_DATA_DIR = `${process.cwd()}/test-results/e2e-db`;
export const E2E_DATABASE_PATH = `${E2E_DATA_DIR}/threshold.db`;
export const E2E_CLIENT_ID = "threshold-demo";
export const E2E_CLIENT_SECRET = "threshold-demo-secret";
/** Fixed test secrets: the e2e database is thrown away after every run. */
export const E2E_AUTH_SECRET = "e2e-auth-secret-0123456789abcdef0123456789abcdef";
export const E2E_TOKEN_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
