import { createPubSub } from 'graphql-yoga';

/**
 * Topics carry plain JSON so the same payloads can cross Redis when several instances run. Each topic
 * is keyed by the id its subscribers filter on.
 */
export type Topics = {
  'room:member-added': [roomId: string, payload: { roomId: string; memberId: string }];
};

export function createAppPubSub() {
  return createPubSub<Topics>();
}

export type PubSub = ReturnType<typeof createAppPubSub>;
