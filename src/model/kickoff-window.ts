// When the kickoff plan is built (docs/value-model.md, "Kickoff success plan"): the registry (src/documents.ts)
// and the plan (kickoff.ts) both ask, so it imports nothing that imports the registry back. Pure.
import { daysBetween } from "./dates.ts";

/** Days either side of the engagement's start in which the kickoff plan is built. */
export const KICKOFF_WINDOW_DAYS = 30;

/** Whether `asOf` is in the kickoff window: the engagement starts within 30 days of it, or started less than 30 days before. */
export function kickoffDue(start: string, asOf: string): boolean {
  const until = daysBetween(asOf, start);
  return until <= KICKOFF_WINDOW_DAYS && until > -KICKOFF_WINDOW_DAYS;
}
