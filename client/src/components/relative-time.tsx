import { useEffect, useState } from 'react';
import { formatExactTime, formatRelativeTime } from './format-time.ts';

/**
 * A relative time ("2 hours ago") with the exact date and time on hover; it refreshes each minute
 * because pages stay open for hours. The exact time is formatted when first pointed at or focused,
 * not at every render: a page's first Intl formatter sets up ICU (15–20 ms in headless Chromium on a
 * loaded machine), which a fresh page opening a transcript (its header shows one) paid before the editor.
 */
export function RelativeTime({ value }: { value: string }) {
  const [now, setNow] = useState(() => new Date());
  const [exact, setExact] = useState<string | undefined>(undefined);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const date = new Date(value);
  const showExact = () => setExact(formatExactTime(date));
  return (
    <time dateTime={value} title={exact} onPointerEnter={showExact} onFocus={showExact}>
      {formatRelativeTime(date, now) || value}
    </time>
  );
}
