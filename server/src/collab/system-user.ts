/**
 * The author of the server's own changes (structure normalization, load-time repairs): stored as a
 * NULL user, shown as "Verity". Defined once; live sessions, the store, history and review compare to it.
 */
export const systemUserId = 'system';
