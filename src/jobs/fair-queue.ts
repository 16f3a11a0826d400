import type { PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';

type FairQueueConfig = Pick<Config, 'JOB_QUEUE_SCHEMA' | 'JOB_FAIRNESS'>;

/**
 * Sends a job on behalf of a room (the tenant) so that one room's burst cannot starve another's (finding
 * 21 of the review): start-time fair queuing over pg-boss's `priority`.
 *
 * Each job gets a tag, its round: a room's first waiting job joins the round at the head of the queue,
 * each further one the round after its previous job. Workers fetch by priority (the negated tag), then by
 * age, so rooms take turns, one job each per round, in arrival order within a room; a room that sends 25
 * jobs at once waits behind its own jobs, not in front of everyone else's. No job waits forever: a new
 * arrival never lands in a round earlier than the head's. Workers are unchanged and stay work-conserving
 * (a room alone uses every slot); the room is also the job's pg-boss `group`, so `groupConcurrency` can cap
 * a room's running jobs later without touching the senders.
 *
 * Two rooms sending at the same instant may compute the same tag: they tie and run by age, which is fair.
 */
export async function sendForRoom(
  boss: PgBoss,
  config: FairQueueConfig,
  queue: string,
  roomId: string,
  data: object,
  options: { singletonKey?: string } = {},
): Promise<string | null> {
  if (config.JOB_FAIRNESS === 'off') return boss.send(queue, data, options);
  const round = await nextRound(boss, config.JOB_QUEUE_SCHEMA, queue, roomId);
  return boss.send(queue, data, { ...options, priority: -round, group: { id: roomId } });
}

/**
 * The round of the room's next job: the head's round (the earliest waiting one; the latest running one
 * when nothing waits), or the round after the room's latest job if that is later.
 */
async function nextRound(boss: PgBoss, schema: string, queue: string, roomId: string): Promise<number> {
  const { rows } = await boss.getDb().executeSql(
    `select min(-priority) filter (where state in ('created', 'retry')) as head,
            max(-priority) filter (where state = 'active') as running,
            max(-priority) filter (where group_id = $2) as room_last
       from "${schema}".job
      where name = $1 and state in ('created', 'retry', 'active')`,
    [queue, roomId],
  );
  const { head, running, room_last: roomLast } = rows[0] as Record<string, number | null>;
  const current = head ?? running ?? 0;
  return roomLast == null ? current : Math.max(current, roomLast + 1);
}
