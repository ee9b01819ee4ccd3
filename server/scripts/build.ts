/**
 * Bundles the server into `server/dist/main.js` for `npm start`. Running the bundle instead of
 * the TypeScript sources through tsx saves ~30 MB of resident memory and the transform at start
 * (measured: 77 MB vs 108 MB idle RSS). Workspace packages are bundled; npm dependencies stay
 * external (native modules such as better-sqlite3 cannot be bundled).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-dependencies',
      setup(context) {
        context.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@eprouvette/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
