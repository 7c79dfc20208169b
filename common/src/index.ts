export * from './errors.ts';
export * from './api/index.ts';
export * from './transcript/index.ts';
export * from './formats/index.ts';
export * from './collab/transcript-nodes.ts';
export * from './realtime/socket-protocol.ts';
