import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';

export interface DashboardAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Where the dashboard's own files live: next to this module in the build (nest-cli copies them) and in the sources. */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * The front end's libraries, straight from node_modules (no bundler, no CDN): Preact and its hooks, htm (JSX-like
 * templates in plain JS) and uPlot (the chart). The page maps the bare names to these files with an import map.
 */
function vendorFiles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  // htm's "require" entry is its CommonJS build; the ES module sits beside it.
  const htmDist = dirname(require.resolve('htm'));
  return {
    'preact.mjs': require.resolve('preact'),
    'preact-hooks.mjs': require.resolve('preact/hooks'),
    'htm.mjs': join(htmDist, 'htm.mjs'),
    'uplot.mjs': require.resolve('uplot/dist/uPlot.esm.js'),
    'uplot.css': require.resolve('uplot/dist/uPlot.min.css'),
  };
}

/** Every file the dashboard loads, read once at boot and served from memory under /assets/<name>. */
@Injectable()
export class DashboardAssets {
  private readonly assets = new Map<string, DashboardAsset>();

  constructor() {
    const files: Record<string, string> = { ...vendorFiles() };
    for (const name of readdirSync(PUBLIC_DIR)) files[name] = join(PUBLIC_DIR, name);
    for (const [name, path] of Object.entries(files)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (!contentType) continue;
      const body = readFileSync(path);
      this.assets.set(name, { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
    }
  }

  get(name: string): DashboardAsset | undefined {
    return this.assets.get(name);
  }
}
