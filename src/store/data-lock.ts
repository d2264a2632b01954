import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../domain/errors.js";

const LOCK_FILE = "throughline.lock";

/** Who holds a lock: a pid alone is not enough, since pids are reused (and a restarted container's server is pid 1 again). */
export interface LockHolder {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/PID/stat field 22). */
  startTime: string | null;
  /** This boot of the machine (/proc/sys/kernel/random/boot_id): start times restart with it. */
  bootId: string | null;
}

/**
 * One process per embedded database folder: PGlite is not built for two processes on the same
 * files. The lock file names its holder by pid, the process's start time and the boot; it
 * dies with its holder: a lock whose process is gone, or whose pid now belongs to another
 * process (a reused pid, this very process after a container restart), is taken over. A live
 * holder always keeps it.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me = currentHolder();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        // Only our own lock: never one a later holder took over.
        if (sameHolder(readHolder(path), me)) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && sameHolder(holder, me))
        throw new AppError("database_locked", `The data folder ${dir} is already open in this process.`);
      if (holder && holderAlive(holder))
        throw new AppError(
          "database_locked",
          `The data folder ${dir} is in use by another Throughline process (pid ${holder.pid}). Stop it first, or use another --data folder (or DATABASE_URL for a PostgreSQL server that several processes can share).`,
        );
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError("database_locked", `Could not lock the data folder ${dir}.`);
}

/** This process as a lock holder. */
export function currentHolder(): LockHolder {
  return { pid: process.pid, startTime: startTimeOf(process.pid), bootId: bootId() };
}

/** Whether the process a lock names is still that process. */
export function holderAlive(holder: LockHolder): boolean {
  if (!pidExists(holder.pid)) return false;
  const boot = bootId();
  // Where /proc tells start times (Linux), a pid is the holder only with the same start, same boot.
  if (holder.startTime !== null && boot !== null) {
    if (holder.bootId !== boot) return false;
    return startTimeOf(holder.pid) === holder.startTime;
  }
  // Elsewhere (or a lock from an older version holding a bare pid): a live pid that is not us.
  return holder.pid !== process.pid;
}

function sameHolder(a: LockHolder | undefined, b: LockHolder): boolean {
  return a !== undefined && a.pid === b.pid && a.startTime === b.startTime && a.bootId === b.bootId;
}

function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), startTime: null, bootId: null };
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && parsed.pid > 0)
      return {
        pid: parsed.pid,
        startTime: typeof parsed.startTime === "string" ? parsed.startTime : null,
        bootId: typeof parsed.bootId === "string" ? parsed.bootId : null,
      };
  } catch {
    // unreadable: a torn write of a process that died while writing it
  }
  return undefined;
}

/** Field 22 of /proc/PID/stat (after the command name, which may hold spaces and parentheses). */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  const path = "/proc/sys/kernel/random/boot_id";
  return existsSync(path) ? readFileSync(path, "utf8").trim() : null;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
