/**
 * "Today" for the daily new-card cap: the day that contains `now` in the member's time zone (an IANA
 * name such as "Europe/Lisbon"; UTC when none is given). Plain Intl, no time-zone library.
 */

/** Whether `timeZone` is an IANA time zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant local midnight began, on the local day that contains `now`. */
export function startOfDay(now: Date, timeZone = 'UTC'): Date {
  const local = new Date(now.getTime() + offsetAt(now, timeZone));
  const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at midnight can differ from now's (a DST change during the day): settle it in two steps.
  let start = midnightWall - offsetAt(new Date(midnightWall - offsetAt(now, timeZone)), timeZone);
  start = midnightWall - offsetAt(new Date(start), timeZone);
  return new Date(start);
}
