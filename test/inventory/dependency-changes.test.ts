/**
 * New dependencies from pull-request patches, one ecosystem at a time: real-shaped hunks
 * with additions that count, and bumps, removals, moves and comments that do not; a hunk
 * whose section cannot be told; a missing patch reported as unknown; and odd input.
 */
import { describe, expect, it } from 'vitest';
import {
  dependencyChanges,
  type NewDependency,
  type PullRequestFile,
} from '../../src/engine/inventory/dependency-changes.js';

/** `[name, version, line]` of each new dependency, plus `?` when its section was guessed. */
const added = (filename: string, patch: string, status = 'modified'): unknown[] => {
  const result = dependencyChanges([{ filename, status, patch }]);
  expect(result.unknown).toEqual([]);
  return result.added.map((d: NewDependency) => {
    expect(d.file).toBe(filename);
    const row = [d.name, d.version, d.line];
    return d.note === undefined ? row : [...row, '?'];
  });
};
const ecosystems = (filename: string, patch: string): string[] =>
  dependencyChanges([{ filename, status: 'modified', patch }]).added.map((d) => d.ecosystem);

describe('package.json', () => {
  it('a new dependency counts; a version bump next to it does not', () => {
    const patch = `@@ -20,7 +20,8 @@
   "dependencies": {
     "@actions/core": "3.0.1",
-    "@actions/github": "9.1.0",
+    "@actions/github": "9.1.1",
+    "left-pad": "^1.3.0",
     "yaml": "2.9.1"
   },
   "devDependencies": {`;
    expect(added('package.json', patch)).toEqual([['left-pad', '^1.3.0', 23]]);
    expect(ecosystems('packages/cli/package.json', patch)).toEqual(['npm']);
  });

  it('every dependency section counts; scripts and other objects do not', () => {
    const patch = `@@ -5,10 +5,16 @@
   "scripts": {
     "build": "tsc",
+    "lint": "eslint .",
     "test": "vitest run"
   },
+  "peerDependencies": {
+    "react": ">=18"
+  },
+  "optionalDependencies": { "fsevents": "2.3.3" },
   "engines": {
-    "node": ">=18"
+    "node": ">=20"
   },
   "devDependencies": {
+    "@types/react": "18.2.0",
     "vitest": "4.1.12"`;
    expect(added('package.json', patch)).toEqual([
      ['react', '>=18', 11],
      ['@types/react', '18.2.0', 18],
    ]);
  });

  it('a section left and another entered inside the hunk', () => {
    const patch = `@@ -30,8 +30,9 @@
     "ajv": "8.20.0",
     "yaml": "2.9.1"
   },
   "devDependencies": {
+    "tsx": "4.19.0",
     "@eslint/js": "9.39.5",`;
    expect(added('package.json', patch)).toEqual([['tsx', '4.19.0', 34]]);
  });

  it('counts entries of a section the hunk does not show, and says so', () => {
    const patch = `@@ -40,6 +40,8 @@
     "eslint": "9.39.5",
     "globals": "17.14.0",
+    "lodash": "4.17.21",
+    "lint:fix": "eslint --fix .",
+    "packageManager": "pnpm@9.1.0",
     "prettier": "3.10.1",`;
    expect(added('package.json', patch)).toEqual([['lodash', '4.17.21', 42, '?']]);
    const [dep] = dependencyChanges([
      { filename: 'package.json', status: 'modified', patch },
    ]).added;
    expect(dep?.note).toMatch(/does not show which section/);
  });

  it('a dependency moved between sections, removed, or in a new file', () => {
    const moved = `@@ -12,7 +12,6 @@
   "dependencies": {
     "ajv": "8.20.0",
-    "vitest": "4.1.12",
     "yaml": "2.9.1"
@@ -30,6 +29,7 @@
   "devDependencies": {
     "prettier": "3.10.1",
+    "vitest": "4.1.12",
     "typescript": "5.9.3"`;
    expect(added('package.json', moved)).toEqual([]);
    expect(added('package.json', moved.replace(/^\+.*\n/m, ''))).toEqual([]);
    const created = `@@ -0,0 +1,9 @@
+{
+  "name": "new-pkg",
+  "version": "1.0.0",
+  "scripts": { "test": "node --test" },
+  "dependencies": {
+    "express": "^4.19.2"
+  },
+  "private": true
+}`;
    expect(added('apps/api/package.json', created, 'added')).toEqual([['express', '^4.19.2', 6]]);
  });
});

describe('composer.json', () => {
  it('require and require-dev, without platform packages', () => {
    const patch = `@@ -8,7 +8,10 @@
     "require": {
         "php": "^8.2",
+        "ext-json": "*",
+        "guzzlehttp/guzzle": "^7.8",
         "laravel/framework": "^11.0"
     },
     "require-dev": {
+        "phpunit/phpunit": "^11.0",
         "mockery/mockery": "^1.6"`;
    expect(added('composer.json', patch)).toEqual([
      ['guzzlehttp/guzzle', '^7.8', 11],
      ['phpunit/phpunit', '^11.0', 15],
    ]);
    expect(ecosystems('composer.json', patch)).toEqual(['composer', 'composer']);
  });
});

describe('requirements files', () => {
  it('requirements, with extras, markers and URLs; not comments, options or bumps', () => {
    const patch = `@@ -1,4 +1,10 @@
 # runtime
-requests==2.31.0
-Django_Filter==23.5
+requests==2.32.3
+django-filter==24.1
+httpx[http2]>=0.27,<1 ; python_version >= "3.9"
 flask==3.0.0
+# pydantic==2.0
+-r dev-requirements.txt
+--index-url https://pypi.example.com/simple
+git+https://github.com/org/lib.git@v1#egg=orglib
+numpy==1.26.4 --hash=sha256:abcd  # pinned
+rich  # no version`;
    expect(added('requirements.txt', patch)).toEqual([
      ['httpx', '>=0.27,<1', 4],
      ['orglib', undefined, 9],
      ['numpy', '==1.26.4', 10],
      ['rich', undefined, 11],
    ]);
  });

  it('recognises requirements-*.txt and requirements/*.txt, not other text files', () => {
    const patch = '@@ -1,1 +1,2 @@\n pytest==8.0.0\n+pytest-cov==5.0.0';
    expect(ecosystems('requirements-dev.txt', patch)).toEqual(['pypi']);
    expect(ecosystems('requirements/test.txt', patch)).toEqual(['pypi']);
    expect(ecosystems('docs/notes.txt', patch)).toEqual([]);
  });
});

describe('pyproject.toml', () => {
  it('[project] dependencies and optional dependencies, from the hunk header', () => {
    const patch = `@@ -10,8 +10,10 @@ dependencies = [
     "click>=8.1",
-    "rich>=13.0",
+    "rich>=13.7",
+    "httpx>=0.27",
 ]
 
 [project.optional-dependencies]
 dev = [
+    "pytest>=8",
     "ruff",`;
    expect(added('pyproject.toml', patch)).toEqual([
      ['httpx', '>=0.27', 12],
      ['pytest', '>=8', 17],
    ]);
  });

  it('[tool.poetry.dependencies] and groups; not python, not other tables', () => {
    const patch = `@@ -12,6 +12,14 @@ version = "0.1.0"
 [tool.poetry.dependencies]
 python = "^3.11"
 requests = "^2.31"
+pydantic = { version = "^2.6", extras = ["email"] }
+python-dotenv = "^1.0"
 
 [tool.poetry.group.dev.dependencies]
+mypy = "^1.9"
+
+[tool.ruff.lint]
+select = ["E", "F"]
+ignore = [
+    "E501",
+]`;
    expect(added('pyproject.toml', patch)).toEqual([
      ['pydantic', '^2.6', 15],
      ['python-dotenv', '^1.0', 16],
      ['mypy', '^1.9', 19],
    ]);
  });

  it('one-line arrays, and array items whose key the hunk does not show', () => {
    const oneLine = `@@ -3,3 +3,3 @@ name = "tool"
 [project]
-dependencies = ["click"]
+dependencies = ["click", "anyio>=4"]`;
    expect(added('pyproject.toml', oneLine)).toEqual([['anyio', '>=4', 4]]);
    const quoted = `@@ -20,2 +20,6 @@
 [tool.uv]
+dev-dependencies = [
+    'pytest-xdist>=3',
+    "pkg[extra,more]>=1",
+]`;
    expect(added('pyproject.toml', quoted)).toEqual([
      ['pytest-xdist', '>=3', 22],
      ['pkg', '>=1', 23],
    ]);
    const blind = `@@ -30,3 +30,4 @@
     "a>=1",
+    "b>=2",
     "c>=3",`;
    expect(added('pyproject.toml', blind)).toEqual([['b', '>=2', 31, '?']]);
  });
});

describe('Cargo.toml', () => {
  it('dependency tables, inline tables, per-dependency tables; not [features]', () => {
    const patch = `@@ -14,9 +14,17 @@ edition = "2021"
 [dependencies]
 anyhow = "1.0"
-serde = { version = "1.0.196", features = ["derive"] }
+serde = { version = "1.0.197", features = ["derive"] }
+tokio = { version = "1.36", features = ["full"] }
+my-local = { path = "../my-local" }
 
 [dev-dependencies]
+insta = "1.34"
+
+[dependencies.reqwest]
+version = "0.11"
+
+[target.'cfg(unix)'.dependencies]
+nix = "0.28"
+
+[features]
+default = ["serde/derive"]`;
    expect(added('Cargo.toml', patch)).toEqual([
      ['tokio', '1.36', 17],
      ['my-local', undefined, 18],
      ['insta', '1.34', 21],
      ['reqwest', undefined, 23],
      ['nix', '0.28', 27],
    ]);
  });

  it('a package version bump is not a dependency; a blind hunk guesses from the value', () => {
    const bump = `@@ -1,4 +1,4 @@
 [package]
 name = "demo"
-version = "0.1.0"
+version = "0.2.0"
 edition = "2021"`;
    expect(added('Cargo.toml', bump)).toEqual([]);
    const blind = `@@ -40,3 +40,5 @@
 regex = "1"
+once_cell = "1.19"
+description = "not a dependency"
 walkdir = "2"`;
    expect(added('crates/x/Cargo.toml', blind)).toEqual([['once_cell', '1.19', 41, '?']]);
  });
});

describe('go.mod', () => {
  it('require blocks and lines; not bumps, replace or indirect context', () => {
    const patch = `@@ -5,7 +5,8 @@ go 1.22
 require (
 	github.com/spf13/cobra v1.8.0
-	golang.org/x/sync v0.6.0
+	golang.org/x/sync v0.7.0
+	github.com/google/uuid v1.6.0
 	gopkg.in/yaml.v3 v3.0.1
 )
@@ -20,3 +21,7 @@ require (
 	golang.org/x/sys v0.18.0 // indirect
+	golang.org/x/text v0.14.0 // indirect
 )
+
+require github.com/pkg/errors v0.9.1
+replace github.com/foo/bar => ../bar`;
    expect(added('go.mod', patch)).toEqual([
      ['github.com/google/uuid', 'v1.6.0', 8],
      ['golang.org/x/text', 'v0.14.0', 22],
      ['github.com/pkg/errors', 'v0.9.1', 25],
    ]);
  });

  it('replace and exclude blocks do not count; an unseen block is guessed', () => {
    const replace = `@@ -30,3 +30,4 @@ replace (
 	example.com/a v1.0.0 => example.com/b v1.1.0
+	example.com/c => ../c
+	example.com/d v1.0.0
 )`;
    expect(added('go.mod', replace)).toEqual([]);
    const blind = `@@ -9,2 +9,3 @@
 	github.com/a/b v1.0.0
+	github.com/c/d v0.0.0-20240101000000-abcdefabcdef
 	github.com/e/f v1.0.0`;
    expect(added('go.mod', blind)).toEqual([
      ['github.com/c/d', 'v0.0.0-20240101000000-abcdefabcdef', 10, '?'],
    ]);
  });
});

describe('Gemfile', () => {
  it('gem lines with constraints and options; not comments or bumps', () => {
    const patch = `@@ -3,6 +3,11 @@ source "https://rubygems.org"
 gem "rails", "~> 7.1"
-gem "puma", ">= 5.0"
+gem "puma", ">= 6.0"
+gem "sidekiq", "~> 7.2", ">= 7.2.1"
+gem 'pundit'
+# gem "debug"
 
 group :development, :test do
+  gem "rspec-rails", require: false
+  gem("pry", git: "https://github.com/pry/pry.git") # tmp
 end`;
    expect(added('Gemfile', patch)).toEqual([
      ['sidekiq', '~> 7.2, >= 7.2.1', 5],
      ['pundit', undefined, 6],
      ['rspec-rails', undefined, 10],
      ['pry', undefined, 11],
    ]);
    expect(ecosystems('Gemfile', patch)[0]).toBe('rubygems');
  });
});

describe('pom.xml', () => {
  it('a new <dependency>, not its exclusions or a bumped neighbour', () => {
    const patch = `@@ -40,7 +40,18 @@
     <dependencies>
         <dependency>
             <groupId>org.slf4j</groupId>
             <artifactId>slf4j-api</artifactId>
-            <version>2.0.11</version>
+            <version>2.0.12</version>
         </dependency>
+        <dependency>
+            <groupId>com.google.guava</groupId>
+            <artifactId>guava</artifactId>
+            <version>33.0.0-jre</version>
+            <exclusions>
+                <exclusion>
+                    <groupId>com.google.code.findbugs</groupId>
+                    <artifactId>jsr305</artifactId>
+                </exclusion>
+            </exclusions>
+        </dependency>
     </dependencies>`;
    expect(added('pom.xml', patch)).toEqual([['com.google.guava:guava', '33.0.0-jre', 48]]);
  });

  it('plugins and the parent do not count; a dependency closed in the hunk does', () => {
    const plugin = `@@ -80,3 +80,8 @@
         <plugins>
+            <plugin>
+                <groupId>org.apache.maven.plugins</groupId>
+                <artifactId>maven-shade-plugin</artifactId>
+                <version>3.5.2</version>
+            </plugin>
         </plugins>`;
    expect(added('pom.xml', plugin)).toEqual([]);
    const swapped = `@@ -60,4 +60,4 @@
             <groupId>org.junit.jupiter</groupId>
-            <artifactId>junit-jupiter-api</artifactId>
+            <artifactId>junit-jupiter</artifactId>
             <scope>test</scope>
         </dependency>`;
    expect(added('module/pom.xml', swapped)).toEqual([
      ['org.junit.jupiter:junit-jupiter', undefined, 61],
    ]);
    expect(ecosystems('pom.xml', swapped)).toEqual(['maven']);
  });
});

describe('workflows and actions', () => {
  it('new uses: references, not bumps, local actions, comments or reuse', () => {
    const patch = `@@ -10,9 +10,15 @@ jobs:
     runs-on: ubuntu-latest
     steps:
-      - uses: actions/checkout@v3
+      - uses: actions/checkout@v4
+      - uses: "actions/setup-node@v4" # pinned later
+      - uses: ./.github/actions/local
+      - uses: docker://alpine:3.19
+        # uses: evil/action@v1
+      - uses: actions/checkout@v4
       - run: npm test
+  reuse:
+    uses: org/repo/.github/workflows/build.yml@main`;
    expect(added('.github/workflows/ci.yml', patch)).toEqual([
      ['actions/setup-node', 'v4', 13],
      ['docker://alpine', '3.19', 15],
      ['org/repo/.github/workflows/build.yml', 'main', 20],
    ]);
    expect(new Set(ecosystems('.github/workflows/ci.yml', patch))).toEqual(
      new Set(['github-actions']),
    );
  });

  it('a uses: already in the hunk context is not new', () => {
    const patch = `@@ -5,3 +5,4 @@
       - uses: actions/checkout@v4
+      - uses: actions/checkout@v4
       - uses: docker://ghcr.io/o/img@sha256:0123
+      - uses: docker://localhost:5000/img`;
    expect(added('.github/workflows/x.yaml', patch)).toEqual([
      ['docker://localhost:5000/img', undefined, 8],
    ]);
  });

  it('composite action.yml anywhere; not workflow subdirectories', () => {
    const patch = '@@ -8,2 +8,3 @@\n   steps:\n+    - uses: actions/cache@v4\n     - run: make';
    expect(added('.github/actions/build/action.yml', patch)).toEqual([['actions/cache', 'v4', 9]]);
    expect(added('action.yaml', patch)).toHaveLength(1);
    expect(added('.github/workflows/templates/x.yml', patch)).toEqual([]);
  });
});

describe('dependencyChanges: files', () => {
  it('a manifest without a patch is unknown, never "no new dependency"', () => {
    const files: PullRequestFile[] = [
      { filename: 'package.json', status: 'modified' },
      { filename: 'go.mod', status: 'renamed' },
      { filename: 'Cargo.toml', status: 'removed' },
      { filename: 'src/big.ts', status: 'modified' },
      { filename: 'package-lock.json', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+"x": "1"' },
      { filename: 'yarn.lock', status: 'modified' },
      { filename: 'Gemfile', status: 'modified', patch: 'not a diff' },
    ];
    const result = dependencyChanges(files);
    expect(result.added).toEqual([]);
    expect(result.unknown.map((u) => u.file)).toEqual(['package.json', 'go.mod', 'Gemfile']);
    expect(result.unknown[0]?.reason).toMatch(/no patch/);
    expect(result.unknown[2]?.reason).toMatch(/no hunk header/);
  });

  it('an empty patch (nothing changed) adds nothing', () => {
    expect(dependencyChanges([{ filename: 'go.mod', status: 'renamed', patch: '' }])).toEqual({
      added: [],
      unknown: [],
    });
  });

  it('CRLF patches and "no newline" markers', () => {
    const patch =
      '@@ -1,1 +1,2 @@\r\n flask==3.0.0\r\n+rich==13.7.1\r\n\\ No newline at end of file';
    expect(added('requirements.txt', patch)).toEqual([['rich', '==13.7.1', 2]]);
  });

  it('never throws on odd input', () => {
    expect(dependencyChanges(null as unknown as PullRequestFile[])).toEqual({
      added: [],
      unknown: [],
    });
    const odd = [null, {}, { filename: 5 }, { filename: 'go.mod', status: 'modified', patch: 7 }];
    expect(() => dependencyChanges(odd as unknown as PullRequestFile[])).not.toThrow();
    const names = ['package.json', 'composer.json', 'requirements.txt', 'pyproject.toml'];
    names.push('Cargo.toml', 'go.mod', 'Gemfile', 'pom.xml', '.github/workflows/a.yml');
    const bits = [
      '@@ -1,2 +1,3 @@ require (',
      '+',
      '-',
      ' ',
      '"dependencies": {',
      '}',
      ']',
      '[',
      '{',
    ];
    bits.push('"a": "1"', '[dependencies]', 'x = "1"', 'gem "a"', 'uses: a@b', '<dependency>');
    bits.push('</dependency>', '<artifactId>a</artifactId>', ')', 'a v1', '\\', '"', "'", '#');
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 400; n++) {
      const patch = Array.from({ length: next() % 30 }, () => {
        const line = Array.from({ length: 1 + (next() % 3) }, () => bits[next() % bits.length]);
        return line.join(next() % 2 ? '' : ' ');
      }).join('\n');
      const filename = names[next() % names.length]!;
      const result = dependencyChanges([{ filename, status: 'modified', patch }]);
      for (const d of result.added) expect(typeof d.name).toBe('string');
      expect(result.unknown.filter((u) => u.reason.startsWith('could not'))).toEqual([]);
    }
  });
});
