import { apiRoutes, queueStateResponseSchema, recordResolutionResponseSchema, type QueueResolution, type QueueStateResponse, type RecordResolutionRequest } from '@verity/common';
import { apiRequest } from './api-client.ts';

/** The queue's record: the latest resolutions (newest first) and the keys dismissed for everyone. */
export function fetchQueueState(transcriptId: string, signal?: AbortSignal): Promise<QueueStateResponse> {
  return apiRequest(apiRoutes.queue(transcriptId), { schema: queueStateResponseSchema, signal });
}

/** Records how an item was resolved through the queue (the change itself went through the live document). */
export async function recordResolution(transcriptId: string, request: RecordResolutionRequest): Promise<QueueResolution> {
  return (await apiRequest(apiRoutes.queueResolutions(transcriptId), { method: 'POST', body: request, schema: recordResolutionResponseSchema })).resolution;
}
