import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLFormattedError, print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  AcceptRoomInvitationDocument,
  AddRoomMemberDocument,
  CreateRoomDocument,
  type RoomRole,
  SignUpDocument,
} from '../generated/operations.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** One HTTP GraphQL call with a typed document; returns the whole response (data and errors). */
export async function request<T, V>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like request, but throws on any error so a factory step fails loudly. */
export async function call<T, V>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  token?: string,
) {
  const result = await request(url, document, variables, token);
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

export const errorCode = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

export interface Actor {
  token: string;
  id: string;
  email: string;
  displayName: string;
}

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomUUID()}@example.test`;
}

/** A signed-up user with unique data, so tests never collide with each other. */
export async function createUser(url: string, displayName = 'Test User'): Promise<Actor> {
  const email = uniqueEmail(displayName.toLowerCase().replace(/\W+/g, '-'));
  const { signUp } = await call(url, SignUpDocument, {
    input: { email, password: 'correct horse battery', displayName },
  });
  return { token: signUp.token, id: signUp.user.id, email, displayName };
}

export async function createRoom(url: string, owner: Actor, name = `Room ${randomUUID().slice(0, 8)}`) {
  const { createRoom } = await call(url, CreateRoomDocument, { input: { name } }, owner.token);
  return createRoom;
}

/** The owner invites the member, who accepts: an ACTIVE member with `role`. */
export async function addMember(url: string, owner: Actor, roomId: string, member: Actor, role: RoomRole) {
  await invite(url, owner, roomId, member.email, role);
  await call(url, AcceptRoomInvitationDocument, { roomId }, member.token);
}

/** An invitation only (status INVITED): the invitee has no access until they accept. */
export async function invite(url: string, owner: Actor, roomId: string, email: string, role: RoomRole) {
  const { addRoomMember } = await call(
    url,
    AddRoomMemberDocument,
    { input: { roomId, email, role } },
    owner.token,
  );
  return addRoomMember;
}

export function wsClient(wsUrl: string, token?: string) {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}
