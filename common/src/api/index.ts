export * from './roles.ts';
export * from './auth.schemas.ts';
export * from './transcripts.schemas.ts';
export * from './imports.schemas.ts';
export * from './routes.ts';
export * from './review.schemas.ts';
export * from './speakers.schemas.ts';
export * from './history.schemas.ts';
