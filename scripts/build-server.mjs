// Bundles the server and its command-line tools into dist/server (dependencies stay in node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/server/main.ts',
    migrate: 'src/server/cli/migrate.ts',
    backup: 'src/server/cli/backup.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
