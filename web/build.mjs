// Bundles the dashboard (web/src) into dist/web: hashed assets for
// long-lived caching and an index.html that names them. No CDN: everything
// the page runs comes from the project's own npm dependencies.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, '..', 'dist', 'web');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: { dashboard: path.join(root, 'src', 'main.ts') },
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  sourcemap: 'linked',
  outdir: path.join(out, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
const js = outputs.find((file) => /^dashboard-.*\.js$/.test(file));
const css = outputs.find((file) => /^dashboard-.*\.css$/.test(file));
if (!js || !css) throw new Error(`esbuild wrote no dashboard bundle: ${outputs.join(', ')}`);
const template = await readFile(path.join(root, 'index.html'), 'utf8');
await writeFile(
  path.join(out, 'index.html'),
  template.replace('{{js}}', js).replace('{{css}}', css),
);
await writeFile(path.join(out, 'manifest.json'), JSON.stringify({ js, css }, null, 2) + '\n');
