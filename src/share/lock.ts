// Publish holds the build folder with the build's own lock file (LOCK, the holder's process id),
// so it never reads a folder a build is swapping, and a build never swaps one it is reading.
// A running build is refused; another publish of the same folder is waited for; what a killed
// build left is put right first, as the next build would.
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { MilepostError } from "../errors.ts";
import { alive, LOCK, recoverOutput, takeLock } from "../publish.ts";

/** Beside the lock, while a publish holds it or waits for it: says the holder is a publish, not a build. */
const PUBLISHING = /^\.milepost-publishing-(\d+)$/;

/** Takes the build folder `from` for this publish; returns the function that releases it. */
export async function holdBuildFolder(from: string, shown: string): Promise<() => Promise<void>> {
  const mine = join(from, `.milepost-publishing-${process.pid}`);
  const lock = join(from, LOCK);
  for (const name of await readdir(from)) {
    const pid = PUBLISHING.exec(name)?.[1];
    if (pid && !alive(Number(pid))) await rm(join(from, name), { force: true });
  }
  await writeFile(mine, "");
  const release = async () => {
    await rm(lock, { force: true });
    await rm(mine, { force: true });
  };
  try {
    for (;;) {
      const pid = await takeLock(lock);
      if (pid === null) break;
      if (!alive(pid) || pid === process.pid) {
        // A killed build or publish: its lock goes, and what a killed build left is put right.
        await rm(lock, { force: true });
        await recoverOutput(from, true);
        continue;
      }
      const publishing = (await readdir(from)).includes(`.milepost-publishing-${pid}`);
      if (!publishing)
        throw new MilepostError(
          `A build is writing to ${shown}/`,
          `milepost (process ${pid}) is building into ${shown} now.`,
          "wait for it to finish, then publish: a folder being swapped in could be the wrong copy",
        );
      await sleep(200);
    }
  } catch (err) {
    await rm(mine, { force: true });
    throw err;
  }
  return release;
}
