'use server';

import { revalidatePath } from 'next/cache';
import { attempt } from '@/lib/action-result';
import { apiRequest } from '@/lib/api';
import {
  CancelIngestionMutation,
  DeleteDocumentMutation,
  RetryIngestionMutation,
} from '@/operations/documents';

export async function deleteDocument(roomId: string, id: string) {
  const result = await attempt(() => apiRequest(DeleteDocumentMutation, { id }));
  revalidatePath(`/rooms/${encodeURIComponent(roomId)}`);
  return result;
}

export async function cancelIngestion(id: string) {
  return attempt(async () => (await apiRequest(CancelIngestionMutation, { id })).cancelDocumentIngestion);
}

export async function retryIngestion(id: string) {
  return attempt(async () => (await apiRequest(RetryIngestionMutation, { id })).retryDocumentIngestion);
}
