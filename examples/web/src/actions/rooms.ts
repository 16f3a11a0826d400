'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { RoomRole } from '@/gql/graphql';
import { type ActionResult, attempt } from '@/lib/action-result';
import { ApiError, apiRequest } from '@/lib/api';
import {
  AcceptRoomInvitationMutation,
  AddRoomMemberMutation,
  CreateRoomMutation,
  DeclineRoomInvitationMutation,
} from '@/operations/rooms';

export interface FormState {
  error: string | null;
  message?: string | null;
}

export async function createRoom(_previous: FormState, form: FormData): Promise<FormState> {
  let roomId: string;
  try {
    const { createRoom } = await apiRequest(CreateRoomMutation, {
      input: {
        name: String(form.get('name') ?? ''),
        description: String(form.get('description') ?? '') || null,
      },
    });
    roomId = createRoom.id;
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    throw error;
  }
  redirect(`/rooms/${encodeURIComponent(roomId)}`);
}

export async function inviteMember(
  roomId: string,
  email: string,
  role: RoomRole,
): Promise<ActionResult<{ role: RoomRole }>> {
  const result = await attempt(async () => {
    const { addRoomMember } = await apiRequest(AddRoomMemberMutation, { input: { roomId, email, role } });
    return { role: addRoomMember.role };
  });
  if (result.ok) revalidatePath(`/rooms/${encodeURIComponent(roomId)}`);
  return result;
}

/** The viewer answers an invitation: accepting makes the room one of theirs, declining removes it. */
export async function answerInvitation(roomId: string, accept: boolean): Promise<ActionResult> {
  const result = await attempt(async () => {
    if (accept) await apiRequest(AcceptRoomInvitationMutation, { roomId });
    else await apiRequest(DeclineRoomInvitationMutation, { roomId });
    return null;
  });
  if (result.ok) revalidatePath('/rooms');
  return result;
}
