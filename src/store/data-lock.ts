import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../domain/errors.js";

const LOCK_FILE = "throughline.lock";

/**
 * One process per embedded database folder: PGlite is not built for two processes on the same
 * files. The lock is a file created exclusively, holding the owner's pid; a lock whose pid is
 * gone (a crash) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
        throw new AppError(
          "database_locked",
          `The data folder ${dir} is in use by another Throughline process (pid ${owner}). Stop it first, or use another --data folder (or DATABASE_URL for a PostgreSQL server that several processes can share).`,
        );
      if (owner === process.pid)
        throw new AppError("database_locked", `The data folder ${dir} is already open in this process.`);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError("database_locked", `Could not lock the data folder ${dir}.`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
