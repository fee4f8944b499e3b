// What every router gets: the job database, the runner, and who is asking.
import type { JobDB } from "../engine/db.ts";
import type { Runner } from "../engine/jobs/runner.ts";

export interface ServerConfig {
  db: JobDB;
  runner: Runner;
  datadir: string;
  /** auth on: users in the database, session cookie required */
  lockdown: boolean;
  /** the acting user when auth is off (the OS user, like OpenQuake) */
  defaultUser: string;
}

export interface Requester {
  name: string;
  level: number;
  superuser: boolean;
  /** members of the requester's groups (just the requester when in no group) */
  validUsers: string[];
}

export type Env = { Variables: { user: Requester; cfg: ServerConfig } };
