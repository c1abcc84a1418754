// npm run build: the generated sources, then the action bundle (main and post in one) and the
// CLI bundle side by side (ncc is mostly single-threaded; CI has two cores), then the runner's
// two entry files, which only call into the action bundle. ncc only transpiles (its type check
// would repeat `npm run typecheck`); src/entries/tsconfig.json makes that transpile emit ES
// modules, so the output is the same as a checked build.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

execFileSync(process.execPath, ['scripts/generate.mjs'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });

const ncc = (entry, out, extra = []) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        entry,
        '-o',
        out,
        '--minify',
        '--transpile-only',
        '--quiet',
        ...extra,
      ],
      { stdio: 'inherit' },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc build ${entry} exited with ${code}`)),
    );
  });

await Promise.all([
  ncc('src/entries/action.ts', 'dist/action', ['--license', 'licenses.txt']),
  ncc('src/entries/cli.ts', 'dist/cli'),
]);

const MODULE = '{\n  "type": "module"\n}\n';
writeFileSync('dist/package.json', MODULE);
writeFileSync('dist/index.js', "import { main } from './action/index.js';\n\nawait main();\n");
mkdirSync('dist/post', { recursive: true });
writeFileSync('dist/post/package.json', MODULE);
writeFileSync(
  'dist/post/index.js',
  "import { post } from '../action/index.js';\n\nawait post();\n",
);
