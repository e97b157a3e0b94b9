const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function count(n) {
  if (n === null || n === undefined) return '—';
  if (Math.abs(n) >= 100_000) return `${(n / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 })}k`;
  return integer.format(n);
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

export function ago(iso, now = Date.now()) {
  if (!iso) return 'never';
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 5) return 'just now';
  return `${duration(seconds)} ago`;
}

/** Local date and time, to the second, without the year when it is this year. */
export function time(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString('en-GB', { year: sameYear ? undefined : 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function clock(date = new Date()) {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Pretty JSON when the text is JSON, the text itself otherwise. */
export function prettyPayload(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
