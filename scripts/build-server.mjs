// Bundles the server and its command-line tools into dist/server (dependencies stay in node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/server/main.ts',
    serve: 'src/server/serve.ts',
    migrate: 'src/server/cli/migrate.ts',
    backup: 'src/server/cli/backup.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // main.js sets V8's flags before serve.js, with everything it imports, is loaded.
  external: ['./serve.js'],
  sourcemap: true,
  logLevel: 'warning',
});
