/**
 * Where a room's vectors are in the vector store. A room's live vectors sit under its `vectorKey` (the
 * room id until its first re-embed); while a background re-embed runs, the new vectors accumulate under
 * `reembed.vectorKey` and the switch is one row update. Writes that remove vectors must reach both.
 */
import type { Room } from '../entities/room.ts';

type RoomKeys = Pick<Room, 'id' | 'vectorKey' | 'reembed'>;

/** The store key searches read and ingestion writes. */
export function liveVectorKey(room: RoomKeys): string {
  return room.vectorKey ?? room.id;
}

/** Every key holding this room's vectors: the live one and, during a re-embed, the one being built. */
export function allVectorKeys(room: RoomKeys): string[] {
  const live = liveVectorKey(room);
  return room.reembed && room.reembed.vectorKey !== live ? [live, room.reembed.vectorKey] : [live];
}
