/*
 * When a workspace's weekly digest is due: on its ISO weekday (1 Monday … 7 Sunday) at its hour,
 * in its time zone. Only the latest due period is ever owed: a server that was down for three
 * weeks sends one digest when it comes back, not three.
 */

export interface Schedule {
  day: number;
  hour: number;
  timeZone: string;
}

/** Whether a time zone name is one this runtime knows (IANA names such as Europe/Berlin). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    weekday: "short",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: weekdays.indexOf(get("weekday")) + 1,
  };
}

/** The instant a local wall-clock time in `timeZone` names (the first, across a DST overlap). */
export function zonedInstant(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d, hour);
  // Two passes: the offset at the guess, then at the corrected instant.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(instant), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    instant += guess - shown;
  }
  return new Date(instant);
}

/** The latest period whose digest time has passed at `now`: its key (the local date) and instant. */
export function latestPeriod(schedule: Schedule, now: Date): { period: string; dueAt: Date } {
  const local = localParts(now, schedule.timeZone);
  let back = (local.weekday - schedule.day + 7) % 7;
  if (back === 0 && local.hour < schedule.hour) back = 7;
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const period = new Date(today - back * 86_400_000).toISOString().slice(0, 10);
  return { period, dueAt: zonedInstant(period, schedule.hour, schedule.timeZone) };
}

/** The latest day whose `hour` has passed at `now` in the time zone: reminders go out daily. */
export function latestDay(
  schedule: Pick<Schedule, "hour" | "timeZone">,
  now: Date,
): { period: string; dueAt: Date } {
  const local = localParts(now, schedule.timeZone);
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const back = local.hour < schedule.hour ? 1 : 0;
  const period = new Date(today - back * 86_400_000).toISOString().slice(0, 10);
  return { period, dueAt: zonedInstant(period, schedule.hour, schedule.timeZone) };
}
