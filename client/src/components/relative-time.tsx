import { useEffect, useState } from 'react';
import { formatExactTime, formatRelativeTime } from './format-time.ts';

/** A relative time ("2 hours ago") with the exact date and time on hover; it refreshes each minute because pages stay open for hours. */
export function RelativeTime({ value }: { value: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const date = new Date(value);
  return (
    <time dateTime={value} title={formatExactTime(date)}>
      {formatRelativeTime(date, now) || value}
    </time>
  );
}
