/**
 * The HTTP API's paths, shared so the client and the server cannot drift apart.
 * State-changing requests need the `x-csrf-token` header equal to the `verity_csrf` cookie.
 */
export const apiRoutes = {
  setup: '/api/setup',
  signup: '/api/auth/signup',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  password: '/api/auth/password',
  transcripts: '/api/transcripts',
  transcript: (id: string) => `/api/transcripts/${encodeURIComponent(id)}`,
  members: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/members`,
  member: (id: string, userId: string) => `/api/transcripts/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
  invitations: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/invitations`,
  /** POST: the link admits nobody from now on; it stays in the list. */
  revokeInvitation: (id: string, invitationId: string) => `/api/transcripts/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitationId)}/revoke`,
  invitation: (token: string) => `/api/invitations/${encodeURIComponent(token)}`,
  acceptInvitation: (token: string) => `/api/invitations/${encodeURIComponent(token)}/accept`,
  /** POST the raw file (application/octet-stream): what it would import, without storing anything. */
  importPreview: '/api/imports/preview',
  /** POST the raw file (application/octet-stream): creates the transcript and its version 0. */
  imports: '/api/imports',
  version: (id: string, number: number) => `/api/transcripts/${encodeURIComponent(id)}/versions/${number}`,
  /** GET the review state; POST …/submit, …/send-back, …/approve move it. */
  review: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/review`,
  submitForReview: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/review/submit`,
  sendBack: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/review/send-back`,
  approve: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/review/approve`,
  speakers: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/speakers`,
  speaker: (id: string, speakerId: string) => `/api/transcripts/${encodeURIComponent(id)}/speakers/${encodeURIComponent(speakerId)}`,
  mergeSpeakers: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/speakers/merge`,
  /** GET the corrections raw → current with their classes and the accuracy summary (?turnId= for one turn). */
  corrections: (id: string, turnId?: string) => `/api/transcripts/${encodeURIComponent(id)}/corrections${turnId === undefined ? '' : `?turnId=${encodeURIComponent(turnId)}`}`,
  /** POST { type, severity } classifies (or reclassifies) the correction; DELETE clears its class. */
  correction: (id: string, key: string) => `/api/transcripts/${encodeURIComponent(id)}/corrections/${encodeURIComponent(key)}`,
  /** GET the review queue's resolutions and dismissed keys. */
  queue: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/queue`,
  /** POST { itemKey, kind, action, label }: records how a queue item was resolved (correctors). */
  queueResolutions: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/queue/resolutions`,
  /** GET the attached recording (or null); DELETE detaches it. */
  media: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/media`,
  /** POST { turnId, start }: sets a turn's start (correctors), as an attributed live edit. */
  mediaTimings: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/media/timings`,
  /** GET the playable file; honours a single HTTP Range (206). */
  mediaFile: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/media/file`,
  /** GET the waveform peaks (MediaPeaks). */
  mediaPeaks: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/media/peaks`,
  /** POST { fileName, sizeBytes, sha256? }: starts a chunked upload. */
  mediaFromUrl: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/media/from-url`,
  mediaUploads: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/media/uploads`,
  /** GET the upload's offset (to resume); PUT ?offset=N a chunk (application/octet-stream); DELETE abandons it. */
  mediaUpload: (id: string, uploadId: string) => `/api/transcripts/${encodeURIComponent(id)}/media/uploads/${encodeURIComponent(uploadId)}`,
  /** GET the threads (each anchor resolved against the current document); POST starts one on a range of words. */
  comments: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/comments`,
  /** PATCH { body }: the author edits their comment or reply. */
  comment: (id: string, commentId: string) => `/api/transcripts/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}`,
  commentReplies: (id: string, commentId: string) => `/api/transcripts/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/replies`,
  resolveComment: (id: string, commentId: string) => `/api/transcripts/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/resolve`,
  /** POST { anchor }: pins a thread to other words (a detached thread, again to its words). */
  reattachComment: (id: string, commentId: string) => `/api/transcripts/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/anchor`,
  reopenComment: (id: string, commentId: string) => `/api/transcripts/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/reopen`,
  /** GET the caller's term lists (owned); POST { name } creates one. */
  glossaries: '/api/glossaries',
  /** GET one list with its terms (its owner); PATCH { name } renames it; DELETE removes it (and detaches it everywhere). */
  glossary: (glossaryId: string) => `/api/glossaries/${encodeURIComponent(glossaryId)}`,
  /** POST a term { term, misrecognitions, note } to the list. */
  glossaryTerms: (glossaryId: string) => `/api/glossaries/${encodeURIComponent(glossaryId)}/terms`,
  /** PATCH (same body as POST) or DELETE one term. */
  glossaryTerm: (glossaryId: string, termId: string) => `/api/glossaries/${encodeURIComponent(glossaryId)}/terms/${encodeURIComponent(termId)}`,
  /** POST the raw CSV (application/octet-stream), ?mode=merge|replace; GET …/export.csv downloads the list as CSV. */
  glossaryImport: (glossaryId: string, mode: 'merge' | 'replace' = 'merge') => `/api/glossaries/${encodeURIComponent(glossaryId)}/import?mode=${mode}`,
  glossaryExport: (glossaryId: string) => `/api/glossaries/${encodeURIComponent(glossaryId)}/export.csv`,
  /** GET the lists attached to a transcript with their terms (members); POST { glossaryId } attaches one (its owner, who owns the transcript). */
  transcriptGlossaries: (id: string) => `/api/transcripts/${encodeURIComponent(id)}/glossaries`,
  /** DELETE detaches the list from the transcript (the transcript's owner). */
  transcriptGlossary: (id: string, glossaryId: string) => `/api/transcripts/${encodeURIComponent(id)}/glossaries/${encodeURIComponent(glossaryId)}`,
  /** GET the file: `format` (an export format id or `report`), optional `version` number. */
  exportFile: (id: string, format: string, version?: number) =>
    `/api/transcripts/${encodeURIComponent(id)}/export?format=${encodeURIComponent(format)}${version === undefined ? '' : `&version=${version}`}`,
} as const;

export const csrfCookieName = 'verity_csrf';
export const csrfHeaderName = 'x-csrf-token';
