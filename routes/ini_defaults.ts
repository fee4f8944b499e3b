// /v1/ini_defaults: every job.ini parameter that has a default (engine/input/oqparam.ts).
export function iniDefaultsBody(): string {
  return "{}";
}
