// Validation of OpenQuake constructor keyword arguments for the model factories.

/** Throw, naming the argument, when `args` holds a key outside `allowed`. */
export function checkArgs(name: string, args: Record<string, unknown>, allowed: string[]): void {
  for (const k of Object.keys(args)) {
    if (!allowed.includes(k)) {
      throw new Error(
        `${name}: unknown argument ${k}` +
          (allowed.length ? ` (accepted: ${allowed.join(", ")})` : " (it takes none)"),
      );
    }
  }
}

/** A boolean-like argument (true/false, 1/0, "true"/"false"), or `dflt` when absent. */
export function boolArg(name: string, args: Record<string, unknown>, key: string, dflt: boolean) {
  const v = args[key];
  if (v === undefined) return dflt;
  if (v === true || v === 1 || v === "true" || v === "True" || v === "1") return true;
  if (v === false || v === 0 || v === "false" || v === "False" || v === "0") return false;
  throw new Error(`${name}: argument ${key} must be a boolean, not ${JSON.stringify(v)}`);
}

/** A numeric argument, or `dflt` when absent. */
export function numArg(name: string, args: Record<string, unknown>, key: string, dflt: number) {
  const v = args[key];
  if (v === undefined) return dflt;
  const x = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(x)) {
    throw new Error(`${name}: argument ${key} must be a number, not ${JSON.stringify(v)}`);
  }
  return x;
}

/** A string argument from a fixed set of choices, or `dflt` when absent. */
export function choiceArg<T extends string>(
  name: string,
  args: Record<string, unknown>,
  key: string,
  choices: readonly T[],
  dflt: T,
): T {
  const v = args[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v === "string" && (choices as readonly string[]).includes(v)) return v as T;
  throw new Error(
    `${name}: argument ${key} must be one of ${choices.join(", ")}, not ${JSON.stringify(v)}`,
  );
}
