// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The error raised for bad inputs (job.ini, site models, CSV files): it names the file, the line
 * and the field when they are known, with a message worded like OpenQuake's.
 */
export class InputError extends Error {
  /** the bare reason, without the file:line/field prefix */
  readonly reason: string;

  constructor(
    public file: string,
    public line: number | undefined,
    public field: string | undefined,
    message: string,
  ) {
    super(InputError.format(file, line, field, message));
    this.name = "InputError";
    this.reason = message;
  }

  static format(
    file: string,
    line: number | undefined,
    field: string | undefined,
    message: string,
  ): string {
    let where = file;
    if (line !== undefined) where += `:${line}`;
    if (field !== undefined) where += ` [${field}]`;
    return where ? `${where}: ${message}` : message;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}
