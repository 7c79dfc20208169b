/** "1:02:03.5" for 3723.5 seconds; hours only when needed, tenths only when present. */
export function formatTimecode(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const whole = Math.floor(tenths / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const fraction = tenths % 10 === 0 ? '' : `.${tenths % 10}`;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}${fraction}`;
}

/** Parses "h:mm:ss(.f)", "m:ss(.f)" or plain seconds; null when it is not a time. */
export function parseTimecode(input: string): number | null {
  const text = input.trim();
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(text)) return null;
  const parts = text.split(':').map(Number);
  if (parts.slice(1).some((part) => part >= 60)) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}
