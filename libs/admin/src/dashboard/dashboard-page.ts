import { createHash } from 'node:crypto';

/** Bare module names of the front end → the files /assets serves (see DashboardAssets). */
const IMPORT_MAP = JSON.stringify({
  imports: { preact: '/assets/preact.mjs', 'preact/hooks': '/assets/preact-hooks.mjs', htm: '/assets/htm.mjs', uplot: '/assets/uplot.mjs' },
});

/** The one inline script (the import map) is allowed by its hash; nothing else inline runs. */
const IMPORT_MAP_HASH = createHash('sha256').update(IMPORT_MAP, 'utf8').digest('base64');

/**
 * Only this hub's origin, for everything: no CDN, no web font, no inline code but the import map, no framing.
 * Operators run the hub offline; a request elsewhere would fail there and leak here.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${IMPORT_MAP_HASH}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The page shell: the same for a signed-in visit (200) and one that must sign in first (401); app.js decides. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark">
<meta name="referrer" content="no-referrer">
<title>Learning Hub · Operations</title>
<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">
<link rel="stylesheet" href="/assets/uplot.css">
<link rel="stylesheet" href="/assets/dashboard.css">
<script type="importmap">${IMPORT_MAP}</script>
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<div id="app"><noscript>The Learning Hub dashboard needs JavaScript.</noscript></div>
</body>
</html>
`;
