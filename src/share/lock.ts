// Publish holds the build folder as a build does (the same lock file), so it never reads a
// folder a build is swapping, and a build never swaps one it is reading.
import { claimOutput } from "../publish.ts";
import { MilepostError } from "../errors.ts";

/** Takes the build folder `from` for this publish; returns the function that releases it. */
export async function holdBuildFolder(from: string, shown: string): Promise<() => Promise<void>> {
  try {
    return await claimOutput(from);
  } catch (err) {
    if (!(err instanceof MilepostError) || !err.title.startsWith("Another build")) throw err;
    throw new MilepostError(
      `A build is writing to ${shown}/`,
      err.message,
      "wait for it to finish, then publish: a folder being swapped in could be the wrong copy",
      { cause: err },
    );
  }
}
