#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5554);
/** CLI entry (package.json "bin"): one guard around runCli; nothing thrown escapes as success. */

let code = 2;
try {
    code = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        now: () => new Date(),
    });
}
catch (thrown) {
    process.stderr.write(`agent-gate: internal error: ${String(thrown)}\n`);
    code = 2;
}
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5554:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: DEFAULT_POLICY_FILE

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The error hierarchy shared by engine and adapters. An `InputError` is something the user
 * can fix (bad YAML, invalid policy, unknown job, missing file): exit 2 in the CLI, a failed
 * step in the action. Anything else is an internal error. Both end in a failed, blocked
 * result — a crash is never "allow".
 */
function formatLocation(at) {
    return `${at.path}:${at.line}:${at.column}`;
}
/** A problem with what the user gave us; the message names file:line:column when known. */
class InputError extends Error {
    name = 'InputError';
    location;
    /** Further problems of the same kind (e.g. every schema error of a policy file). */
    details;
    constructor(message, options = {}) {
        super(options.location ? `${formatLocation(options.location)}: ${message}` : message, {
            cause: options.cause,
        });
        this.location = options.location;
        this.details = options.details ?? [];
    }
}
/** Turns anything thrown (not only Error) into an Error, once, at the edge. */
function normalizeError(thrown) {
    if (thrown instanceof Error)
        return thrown;
    if (typeof thrown === 'string')
        return new Error(thrown);
    try {
        return new Error(`non-Error value thrown: ${JSON.stringify(thrown)}`);
    }
    catch {
        return new Error('non-Error value thrown');
    }
}
/** The full text of an error for a user: message plus details, one per line. */
function describeError(error) {
    if (error instanceof InputError && error.details.length > 0) {
        return [error.message, ...error.details.map((d) => `  ${d}`)].join('\n');
    }
    return error.message;
}

;// CONCATENATED MODULE: ./src/workflow/expressions.ts
/**
 * Finds GitHub expressions (`${{ … }}`) in workflow text and the secrets they reference.
 * Deliberately lexical: it never evaluates anything, it only reports what text can reach.
 */
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/** Every `${{ … }}` expression with the offset of its `$`. */
function findExpressions(text) {
    const found = [];
    for (const match of text.matchAll(EXPRESSION)) {
        found.push({ body: match[1] ?? '', offset: match.index });
    }
    return found;
}
const NAMED = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*(['"])([^'"]+)\2\s*\])/g;
const DYNAMIC = /\bsecrets\s*\[\s*(?!['"])/g;
const ALL = /\b(?:toJSON|tojson|fromJSON|format|join|contains)\s*\(\s*secrets\s*[),]/gi;
/** Secrets referenced inside expressions of `text`. */
function findSecretReferences(text) {
    const refs = [];
    for (const expr of findExpressions(text)) {
        const base = expr.offset + 3;
        for (const m of expr.body.matchAll(NAMED)) {
            const name = (m[1] ?? m[3] ?? '').toUpperCase();
            refs.push({ name, form: 'named', offset: base + m.index });
        }
        for (const m of expr.body.matchAll(DYNAMIC)) {
            refs.push({ name: '*', form: 'dynamic', offset: base + m.index });
        }
        for (const m of expr.body.matchAll(ALL)) {
            refs.push({ name: '*', form: 'all', offset: base + m.index });
        }
    }
    return refs;
}
/** True when the text references the job token (`github.token` or `secrets.GITHUB_TOKEN`). */
function referencesGithubToken(text) {
    return findExpressions(text).some((e) => /\bgithub\s*\.\s*token\b/.test(e.body) || /\bsecrets\s*\.\s*GITHUB_TOKEN\b/i.test(e.body));
}
/** True when the whole value is one expression (its content is decided at run time). */
function isDynamic(text) {
    return /\$\{\{/.test(text);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/workflow/source.ts
/**
 * Parses a YAML file once, keeping source ranges, and turns a symbolic YAML path into
 * file:line:column. This is the one locator: every fact and finding points through it.
 */


/** Files larger than this are refused rather than parsed (hostile or generated input). */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** Alias expansions allowed when resolving anchors (defends against "billion laughs"). */
const MAX_ALIAS_COUNT = 200;
function parseYamlSource(path, text) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_SOURCE_BYTES) {
        throw new InputError(`file is ${bytes} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`, {
            location: { path, line: 1, column: 1 },
        });
    }
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter,
        uniqueKeys: true,
        merge: true,
        prettyErrors: false,
        keepSourceTokens: false,
    });
    const first = doc.errors[0];
    if (first) {
        const pos = lineCounter.linePos(first.pos[0]);
        throw new InputError(`invalid YAML: ${firstLine(first.message)}`, {
            location: { path, line: pos.line, column: pos.col },
            details: doc.errors.slice(1, 5).map((e) => {
                const p = lineCounter.linePos(e.pos[0]);
                return `${path}:${p.line}:${p.col}: ${firstLine(e.message)}`;
            }),
        });
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (cause) {
        throw new InputError(`YAML cannot be resolved: ${firstLine(String(cause))}`, {
            location: { path, line: 1, column: 1 },
            cause,
        });
    }
    return { path, text, doc, lineCounter, data };
}
function firstLine(message) {
    return (message.split('\n')[0] ?? message).trim();
}
/**
 * The location of `path` in the file. With `key: true` it points at the map key of the last
 * segment rather than at its value. A path that does not exist (e.g. it goes through an
 * alias) falls back to its nearest existing ancestor, never to nothing.
 */
function locate(source, path, options = {}) {
    let node = source.doc.contents;
    let best = node;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const isLast = i === path.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && scalarKey(p.key) === String(segment));
            if (!pair)
                break;
            node = options.key && isLast ? pair.key : pair.value;
            if (node === null || node === undefined)
                node = pair.key;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            node = node.items[segment];
            if (node === undefined)
                break;
        }
        else {
            break;
        }
        best = node;
    }
    return offsetLocation(source, rangeStart(best));
}
/** The location of a character offset in the file. */
function offsetLocation(source, offset) {
    const pos = source.lineCounter.linePos(offset);
    return { path: source.path, line: pos.line, column: pos.col };
}
/**
 * The location of a text offset inside the scalar at `path` (e.g. a command inside a
 * `run:` block). Block scalars start on the line after their indicator; for anything the
 * offset cannot be mapped into faithfully, the scalar's own start is returned.
 */
function locateInScalar(source, path, lineInValue, columnInValue) {
    const node = source.doc.getIn(path, true);
    if (!(0,dist/* isScalar */.jn)(node) || !node.range)
        return locate(source, path);
    const start = offsetLocation(source, node.range[0]);
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        const header = start.line;
        // The content's indentation is that of its first non-empty line.
        const contentFirstLine = header + 1;
        const indent = lineIndent(source.text, source.lineCounter.lineStarts[contentFirstLine - 1]);
        if (node.type === 'BLOCK_LITERAL') {
            return {
                path: source.path,
                line: contentFirstLine + lineInValue - 1,
                column: indent + columnInValue,
            };
        }
        return { path: source.path, line: contentFirstLine, column: indent + 1 };
    }
    if (node.type === 'PLAIN' && lineInValue === 1) {
        return { path: source.path, line: start.line, column: start.column + columnInValue - 1 };
    }
    return start;
}
function lineIndent(text, lineStart) {
    if (lineStart === undefined)
        return 0;
    let i = lineStart;
    while (text[i] === ' ')
        i++;
    return i - lineStart;
}
function scalarKey(key) {
    if ((0,dist/* isScalar */.jn)(key))
        return String(key.value);
    return undefined;
}
function rangeStart(node) {
    const range = node?.range;
    return range ? range[0] : 0;
}

;// CONCATENATED MODULE: ./src/inventory/action-classes.ts
/**
 * The vocabulary of what a job can do (DESIGN.md §4). A job has a set of action classes,
 * each put there by a piece of evidence; the policy decides per class occurrence.
 */
const ACTION_CLASSES = [
    'read',
    'comment',
    'write-branch',
    'modify-workflow',
    'run-shell',
    'use-secret',
    'cloud-credential',
    'call-tool',
    'publish',
    'deploy',
    'production',
    'destructive',
    'bypass-checks',
];
function isActionClass(value) {
    return ACTION_CLASSES.includes(value);
}

;// CONCATENATED MODULE: ./src/glob.ts
/**
 * Glob matching for names (logins, branches, environments, secrets, `uses:` refs):
 * `*` matches any run of characters, `?` one character; everything else is literal.
 */
const cache = new Map();
function globToRegExp(pattern, caseInsensitive) {
    const key = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
    let re = cache.get(key);
    if (!re) {
        const body = pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.');
        re = new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
        cache.set(key, re);
    }
    return re;
}
function matchesGlob(value, pattern, caseInsensitive = false) {
    return globToRegExp(pattern, caseInsensitive).test(value);
}
function matchesAnyGlob(value, patterns, caseInsensitive = false) {
    return patterns.some((p) => matchesGlob(value, p, caseInsensitive));
}
/**
 * A name "looks like" a pattern when the whole name or one of its words matches
 * (`prod*` matches `prod-eu` and `AWS_PROD_KEY`, not `preprod`).
 */
function nameLooksLike(name, patterns) {
    if (matchesAnyGlob(name, patterns, true))
        return true;
    return name
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .some((word) => matchesAnyGlob(word, patterns, true));
}

;// CONCATENATED MODULE: ./src/inventory/action-table.ts
const ACTION_TABLE = [
    {
        action: 'pypa/gh-action-pypi-publish',
        class: 'publish',
        detail: 'publishes to PyPI',
        target: 'registry:pypi',
    },
    {
        action: 'JS-DevTools/npm-publish',
        class: 'publish',
        detail: 'publishes to npm',
        target: 'registry:npm',
    },
    {
        action: 'docker/build-push-action',
        class: 'publish',
        detail: 'pushes a container image',
        whenInput: 'push',
    },
    {
        action: 'softprops/action-gh-release',
        class: 'publish',
        detail: 'creates a GitHub release',
        target: 'github:releases',
    },
    {
        action: 'ncipollo/release-action',
        class: 'publish',
        detail: 'creates a GitHub release',
        target: 'github:releases',
    },
    {
        action: 'actions/create-release',
        class: 'publish',
        detail: 'creates a GitHub release',
        target: 'github:releases',
    },
    {
        action: 'actions/upload-release-asset',
        class: 'publish',
        detail: 'uploads a release asset',
        target: 'github:releases',
    },
    { action: 'goreleaser/goreleaser-action', class: 'publish', detail: 'runs goreleaser' },
    {
        action: 'changesets/action',
        class: 'publish',
        detail: 'publishes with changesets',
        whenInput: 'publish',
    },
    {
        action: 'rust-lang/crates-io-auth-action',
        class: 'publish',
        detail: 'authenticates to crates.io for publishing',
        target: 'registry:crates.io',
    },
    { action: 'cycjimmy/semantic-release-action', class: 'publish', detail: 'runs semantic-release' },
    {
        action: 'HaaLeo/publish-vscode-extension',
        class: 'publish',
        detail: 'publishes a VS Code extension',
    },
    {
        action: 'actions/deploy-pages',
        class: 'deploy',
        detail: 'deploys GitHub Pages',
        target: 'github:pages',
    },
    {
        action: 'peaceiris/actions-gh-pages',
        class: 'deploy',
        detail: 'deploys GitHub Pages',
        target: 'github:pages',
    },
    {
        action: 'JamesIves/github-pages-deploy-action',
        class: 'deploy',
        detail: 'deploys GitHub Pages',
        target: 'github:pages',
    },
    {
        action: 'azure/webapps-deploy',
        class: 'deploy',
        detail: 'deploys an Azure web app',
        target: 'cloud:azure',
    },
    {
        action: 'azure/k8s-deploy',
        class: 'deploy',
        detail: 'deploys to Kubernetes',
        target: 'cluster',
    },
    {
        action: 'azure/arm-deploy',
        class: 'deploy',
        detail: 'deploys Azure resources',
        target: 'cloud:azure',
    },
    {
        action: 'aws-actions/amazon-ecs-deploy-task-definition',
        class: 'deploy',
        detail: 'deploys an ECS service',
        target: 'cloud:aws',
    },
    {
        action: 'aws-actions/aws-cloudformation-github-deploy',
        class: 'deploy',
        detail: 'deploys a CloudFormation stack',
        target: 'cloud:aws',
    },
    {
        action: 'google-github-actions/deploy-cloudrun',
        class: 'deploy',
        detail: 'deploys to Cloud Run',
        target: 'cloud:gcp',
    },
    {
        action: 'google-github-actions/deploy-appengine',
        class: 'deploy',
        detail: 'deploys to App Engine',
        target: 'cloud:gcp',
    },
    {
        action: 'google-github-actions/deploy-cloud-functions',
        class: 'deploy',
        detail: 'deploys Cloud Functions',
        target: 'cloud:gcp',
    },
    {
        action: 'cloudflare/wrangler-action',
        class: 'deploy',
        detail: 'deploys to Cloudflare',
        target: 'cloud:cloudflare',
    },
    {
        action: 'amondnet/vercel-action',
        class: 'deploy',
        detail: 'deploys to Vercel',
        target: 'cloud:vercel',
    },
    {
        action: 'nwtgck/actions-netlify',
        class: 'deploy',
        detail: 'deploys to Netlify',
        target: 'cloud:netlify',
    },
    {
        action: 'superfly/flyctl-actions',
        class: 'deploy',
        detail: 'deploys to Fly.io',
        target: 'cloud:fly',
    },
    {
        action: 'aws-actions/configure-aws-credentials',
        class: 'cloud-credential',
        detail: 'configures AWS credentials',
        target: 'cloud:aws',
    },
    {
        action: 'google-github-actions/auth',
        class: 'cloud-credential',
        detail: 'authenticates to Google Cloud',
        target: 'cloud:gcp',
    },
    {
        action: 'azure/login',
        class: 'cloud-credential',
        detail: 'logs in to Azure',
        target: 'cloud:azure',
    },
];
/** Actions that mint a GitHub App installation token inside the job. */
const APP_TOKEN_ACTIONS = [
    'actions/create-github-app-token',
    'tibdex/github-app-token',
    'peter-murray/workflow-application-token-action',
];

;// CONCATENATED MODULE: ./src/inventory/changed-files.ts
function sensitiveChanges(files, policyFile) {
    const policy = policyFile?.replace(/^\.\//, '');
    const changes = [];
    for (const raw of files) {
        const file = raw.replace(/^\.\//, '');
        const what = classify(file, policy);
        if (what)
            changes.push({ file, what });
    }
    return changes;
}
function classify(file, policy) {
    if (policy && file === policy)
        return "the gate's own policy file";
    if (/^\.github\/workflows\//.test(file))
        return 'a workflow file';
    if (/^\.github\/actions\//.test(file))
        return 'a repository action';
    if (/(^|\/)action\.ya?ml$/.test(file))
        return 'an action definition';
    if (/^(\.github\/|docs\/)?CODEOWNERS$/.test(file))
        return 'CODEOWNERS';
    if (/^\.github\/agent-gate\.ya?ml$/.test(file))
        return "the gate's policy file";
    return undefined;
}

;// CONCATENATED MODULE: ./src/inventory/command-table.ts
const rules = (cls, rows) => rows.map(([tools, path, kind, detail, options]) => ({
    tools,
    path,
    class: cls,
    kind,
    detail,
    ...options,
}));
const first = (_c, rest) => rest[0];
const second = (_c, rest) => rest[1] ?? rest[0];
const flag = (...names) => (c) => c.value(...names);
const registry = flag('--registry');
const kubeContext = flag('--context', '--cluster');
const stack = flag('--stack', '-s');
const not = (p) => (c, rest) => !p(c, rest);
const NAMESPACE = /^(?:namespaces?|ns)(?:\/|$)/;
const deletesNamespace = (_c, rest) => NAMESPACE.test(rest[0] ?? '');
const namespaceName = (_c, rest) => rest[0]?.includes('/') ? rest[0].split('/')[1] : rest[1];
const isAdminMerge = (c) => c.has('--admin');
const destroys = (c) => c.positionals.includes('destroy') || c.has('-destroy');
const toS3 = (_c, rest) => (rest[1] ?? '').startsWith('s3://');
const bucketAt = (i) => (_c, rest) => /^s3:\/\/[^/]*/.exec(rest[i] ?? '')?.[0];
/** Pull-request head refs and expressions: checking them out runs code from the PR author. */
const PR_HEAD = /(?:^|[/:+])pull\/(?:\$\{\{[^}]*\}\}|[^/\s]+)\/(?:head|merge)\b|github\.event\.pull_request\.head\.(?:sha|ref)\b|github\.head_ref\b|\$\{?GITHUB_HEAD_REF\b|github\.event\.workflow_run\.head_(?:sha|branch)\b/;
const prHeadArg = (c) => c.args.find((a) => PR_HEAD.test(a));
const checksOutPrHead = {
    when: (c) => prHeadArg(c, []) !== undefined,
    target: prHeadArg,
};
const SQL_DROP = /\bDROP\s+(?:DATABASE|TABLE|SCHEMA)\s+(?:IF\s+EXISTS\s+)?([^\s;,]+)/i;
const SQL_TRUNCATE = /\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?([^\s;,]+)/i;
const SQL_CLIENTS = 'psql mysql mariadb sqlite3 sqlcmd clickhouse-client cockroach';
const sql = (re) => ({
    when: (c) => re.test(c.args.join('\n')),
    target: (c) => re.exec(c.args.join('\n'))?.[1],
});
const MAVEN_DEPLOY = /^(?:deploy(?::[\w-]+)?|release:perform|[\w.-]+:[\w.-]+(?::[\w.-]+)?:deploy)$/;
const GRADLE_PUBLISH = /^(?:[\w-]*:)*publish\w*$/;
const mavenDeploys = (c) => c.positionals.some((g) => MAVEN_DEPLOY.test(g));
const gradlePublishes = (c) => c.positionals.some((t) => GRADLE_PUBLISH.test(t) && !t.endsWith('ToMavenLocal'));
const goreleaserPublishes = (c) => (c.positionals[0] ?? 'release') === 'release' &&
    !c.has('--snapshot', '--skip-publish') &&
    !/\bpublish\b/.test(c.value('--skip') ?? '');
const pushesImage = (c) => c.has('--push') || /(?:^|,)(?:push=true|type=registry)\b/.test(c.value('-o', '--output') ?? '');
/** `vercel` subcommands that do not deploy, even with `--prod` (`vercel build --prod`). */
const VERCEL_OTHER = new Set('build pull env link logs inspect list ls dev login whoami domains dns certs project teams git'.split(' '));
const vercelDeploys = (c) => c.positionals[0] === 'deploy' || (c.has('--prod') && !VERCEL_OTHER.has(c.positionals[0] ?? ''));
const workflowLooksLikeRelease = (_c, rest) => /deploy|release/i.test(rest[0] ?? '');
// The rule table reads best as a table: one row per line, so formatting is left as written.
// prettier-ignore
const COMMAND_RULES = [
    ...rules('publish', [
        ['npm', 'publish', 'npm-publish', 'publishes an npm package', { target: registry }],
        ['pnpm', 'publish, recursive publish', 'pnpm-publish', 'publishes npm packages', { target: registry }],
        ['yarn', 'publish, npm publish', 'yarn-publish', 'publishes an npm package', { target: registry }],
        ['bun', 'publish', 'bun-publish', 'publishes an npm package', { target: registry }],
        ['twine', 'upload', 'twine-upload', 'uploads Python distributions', { target: flag('--repository-url', '--repository', '-r') }],
        ['uv', 'publish', 'uv-publish', 'publishes Python distributions', { target: flag('--publish-url', '--index') }],
        ['poetry', 'publish', 'poetry-publish', 'publishes a Python package', { target: flag('--repository', '-r') }],
        ['flit', 'publish', 'flit-publish', 'publishes a Python package', { target: flag('--repository') }],
        ['hatch', 'publish', 'hatch-publish', 'publishes a Python package', { target: flag('--repo', '-r') }],
        ['cargo', 'publish', 'cargo-publish', 'publishes a Rust crate', { target: registry }],
        ['gem', 'push', 'gem-push', 'publishes a Ruby gem', { target: flag('--host') }],
        ['dotnet', 'nuget push', 'nuget-push', 'publishes a NuGet package', { target: flag('--source', '-s') }],
        ['nuget', 'push', 'nuget-push', 'publishes a NuGet package', { target: flag('-Source', '-source', '-s') }],
        ['mvn mvnw', undefined, 'mvn-deploy', 'deploys Maven artifacts', { when: mavenDeploys }],
        ['gradle gradlew', undefined, 'gradle-publish', 'publishes Gradle artifacts', { when: gradlePublishes }],
        ['docker podman buildah nerdctl', 'push, image push, manifest push', 'container-push', 'pushes a container image', { target: first }],
        ['docker podman nerdctl', 'build, buildx build, buildx bake, image build, builder build', 'docker-build-push',
            'builds and pushes a container image', { when: pushesImage, target: flag('-t', '--tag') }],
        ['helm', 'push|cm-push', 'helm-push', 'pushes a Helm chart', { target: second }],
        ['gh', 'release create|upload|edit', 'gh-release', 'creates or changes a GitHub release', { target: first }],
        ['goreleaser', undefined, 'goreleaser-release', 'publishes a release', { when: goreleaserPublishes }],
        ['changeset', 'publish', 'changeset-publish', 'publishes packages with changesets'],
        ['lerna', 'publish', 'lerna-publish', 'publishes packages with lerna'],
        ['semantic-release', undefined, 'semantic-release', 'publishes a release with semantic-release'],
        ['vsce', 'publish', 'vsce-publish', 'publishes a VS Code extension'],
        ['ovsx', 'publish', 'ovsx-publish', 'publishes an Open VSX extension'],
    ]),
    ...rules('deploy', [
        ['kubectl', 'apply|create|replace|patch', 'kubectl-apply', 'changes Kubernetes resources', { target: kubeContext }],
        ['kubectl', 'rollout restart|undo|resume|pause', 'kubectl-rollout', 'changes a Kubernetes rollout', { target: kubeContext }],
        ['kubectl', 'set', 'kubectl-set', 'changes Kubernetes workloads', { target: kubeContext }],
        ['kubectl', 'scale', 'kubectl-scale', 'scales Kubernetes workloads', { target: kubeContext }],
        ['kubectl', 'delete', 'kubectl-delete', 'deletes Kubernetes resources', { when: not(deletesNamespace), target: kubeContext }],
        ['helm', 'upgrade|install|rollback', 'helm-release', 'installs or upgrades a Helm release', { target: first }],
        ['helm', 'uninstall|delete|del|un', 'helm-uninstall', 'uninstalls a Helm release', { target: first }],
        ['terraform tofu terragrunt', 'apply, run-all apply, run apply', 'terraform-apply', 'applies infrastructure changes', { when: not(destroys) }],
        ['pulumi', 'up|update', 'pulumi-up', 'applies infrastructure changes', { target: stack }],
        ['serverless sls', 'deploy', 'serverless-deploy', 'deploys a Serverless service', { target: flag('--stage', '-s') }],
        ['cdk aws-cdk', 'deploy', 'cdk-deploy', 'deploys AWS CDK stacks', { target: first }],
        ['sam', 'deploy', 'sam-deploy', 'deploys an AWS SAM application', { target: flag('--stack-name') }],
        ['aws', 'cloudformation deploy|create-stack|update-stack', 'cloudformation-deploy', 'deploys a CloudFormation stack', { target: flag('--stack-name') }],
        ['aws', 'ecs update-service', 'ecs-update-service', 'updates an ECS service', { target: flag('--service') }],
        ['aws', 'lambda update-function-code', 'lambda-update-code', 'updates Lambda function code', { target: flag('--function-name') }],
        ['aws', 'deploy create-deployment', 'codedeploy-deploy', 'starts a CodeDeploy deployment', { target: flag('--application-name') }],
        ['aws', 's3 cp|sync|mv', 's3-upload', 'uploads to an S3 bucket', { when: toS3, target: bucketAt(1) }],
        ['gcloud', 'run deploy, app deploy, functions deploy', 'gcloud-deploy', 'deploys to Google Cloud', { target: (c, rest) => c.value('--project') ?? rest[0] }],
        ['az', 'webapp deploy, webapp deployment source config-zip, functionapp deployment source config-zip, deployment create, deployment * create',
            'az-deploy', 'deploys to Azure', { target: flag('--name', '-n', '--resource-group', '-g') }],
        ['firebase firebase-tools', 'deploy|hosting:channel:deploy', 'firebase-deploy', 'deploys to Firebase', { target: flag('--project', '-P') }],
        ['vercel', undefined, 'vercel-deploy', 'deploys to Vercel', { when: vercelDeploys, target: (c) => (c.has('--prod') ? 'production' : undefined) }],
        ['netlify netlify-cli', 'deploy', 'netlify-deploy', 'deploys to Netlify', { target: flag('--site') }],
        ['fly flyctl', 'deploy', 'fly-deploy', 'deploys to Fly.io', { target: flag('--app', '-a') }],
        ['wrangler', 'deploy|publish, pages deploy|publish, versions deploy', 'wrangler-deploy', 'deploys to Cloudflare', { target: flag('--name', '--project-name') }],
        ['heroku', 'container:release|releases:rollback', 'heroku-release', 'releases to Heroku', { target: flag('--app', '-a') }],
        ['gh', 'workflow run', 'gh-workflow-run', 'triggers a deployment or release workflow', { when: workflowLooksLikeRelease, target: first }],
    ]),
    ...rules('destructive', [
        ['kubectl', 'delete', 'kubectl-delete-namespace', 'deletes a Kubernetes namespace', { when: deletesNamespace, target: namespaceName }],
        ['terraform tofu terragrunt', 'destroy, run-all destroy, run destroy, apply, run-all apply, run apply', 'terraform-destroy',
            'destroys infrastructure', { when: destroys }],
        ['pulumi', 'destroy', 'pulumi-destroy', 'destroys infrastructure', { target: stack }],
        ['cdk aws-cdk', 'destroy', 'cdk-destroy', 'destroys AWS CDK stacks', { target: first }],
        ['serverless sls', 'remove', 'serverless-remove', 'removes a Serverless service', { target: flag('--stage', '-s') }],
        ['sam', 'delete', 'sam-delete', 'deletes an AWS SAM application', { target: flag('--stack-name') }],
        ['aws', 'cloudformation delete-stack', 'cloudformation-delete-stack', 'deletes a CloudFormation stack', { target: flag('--stack-name') }],
        ['aws', 's3 rb', 's3-rb-force', 'deletes an S3 bucket and its contents', { when: (c) => c.has('--force'), target: bucketAt(0) }],
        ['aws', 's3 rm', 's3-rm-recursive', 'recursively deletes S3 objects', { when: (c) => c.has('--recursive'), target: bucketAt(0) }],
        ['gcloud', 'projects delete', 'gcloud-projects-delete', 'deletes a Google Cloud project', { target: first }],
        ['gh', 'release delete', 'gh-release-delete', 'deletes a GitHub release', { target: first }],
        ['gh', 'repo delete', 'gh-repo-delete', 'deletes a repository', { target: first }],
        [SQL_CLIENTS, undefined, 'sql-drop', 'drops a database object', sql(SQL_DROP)],
        [SQL_CLIENTS, undefined, 'sql-truncate', 'truncates a table', sql(SQL_TRUNCATE)],
    ]),
    ...rules('bypass-checks', [
        ['gh', 'pr merge', 'gh-pr-merge-admin', 'merges a pull request bypassing branch protection', { when: isAdminMerge, target: first }],
    ]),
    ...rules('write-branch', [
        ['gh', 'pr merge', 'gh-pr-merge', 'merges a pull request', { when: not(isAdminMerge), target: first }],
        ['gh', 'pr create', 'gh-pr-create', 'opens a pull request', { target: flag('--base', '-B') }],
    ]),
    ...rules('untrusted-checkout', [
        ['gh', 'pr checkout|co', 'gh-pr-checkout', 'checks out a pull request head', { target: first }],
        ['git', 'checkout|switch|reset|worktree', 'git-checkout-pr-head', 'checks out a pull request head', checksOutPrHead],
        ['git', 'fetch|pull', 'git-fetch-pr-head', 'fetches a pull request head', checksOutPrHead],
    ]),
];
const WRITE = ['PUT', 'PATCH', 'DELETE'];
// prettier-ignore
const GH_API_RULES = [
    { methods: WRITE, endpoint: /\/branches\/.+\/protection(?:\/|$)/, class: 'bypass-checks', kind: 'gh-api-branch-protection', detail: 'changes or removes branch protection' },
    { methods: WRITE, endpoint: /(?:^|\/)rulesets(?:\/|$)/, class: 'bypass-checks', kind: 'gh-api-ruleset', detail: 'changes or removes a ruleset' },
    { methods: ['DELETE'], endpoint: /^repos\/.+\/git\/refs\//, class: 'destructive', kind: 'gh-api-delete-ref', detail: 'deletes a branch or tag' },
    { methods: ['DELETE'], endpoint: /^repos\/[^/]+(?:\/[^/]+)?\/?$/, class: 'destructive', kind: 'gh-repo-delete', detail: 'deletes a repository' },
    { methods: ['PUT', 'POST'], endpoint: /^repos\/.+\/contents(?:\/|$)/, class: 'write-branch', kind: 'gh-api-contents-write', detail: 'writes a file to a branch' },
    { methods: ['POST', 'PATCH'], endpoint: /^repos\/.+\/git\/refs(?:\/|$)/, class: 'write-branch', kind: 'gh-api-ref-write', detail: 'creates or moves a branch or tag' },
    { methods: ['PUT'], endpoint: /^repos\/.+\/pulls\/[^/]+\/merge$/, class: 'write-branch', kind: 'gh-api-pr-merge', detail: 'merges a pull request' },
    { methods: ['POST'], endpoint: /^repos\/.+\/merges$/, class: 'write-branch', kind: 'gh-api-merge', detail: 'merges into a branch' },
];
/** `gh api graphql` mutations with the same effect as the REST calls above. */
// prettier-ignore
const GH_GRAPHQL_RULES = [
    { mutation: /\b(?:update|delete)BranchProtectionRule\b/, class: 'bypass-checks', kind: 'gh-api-branch-protection', detail: 'changes or removes branch protection' },
    { mutation: /\b(?:update|delete)RepositoryRuleset\b/, class: 'bypass-checks', kind: 'gh-api-ruleset', detail: 'changes or removes a ruleset' },
    { mutation: /\bdeleteRef\b/, class: 'destructive', kind: 'gh-api-delete-ref', detail: 'deletes a branch or tag' },
    { mutation: /\b(?:createCommitOnBranch|createRef|updateRefs?|mergeBranch|mergePullRequest)\b/, class: 'write-branch', kind: 'gh-api-graphql-write', detail: 'writes to a branch' },
];
/**
 * Per-tool flags that take a separate value (`kubectl -n prod apply`): without them the value
 * would be read as a subcommand. Only flags that can sit before or among the positionals a
 * rule looks at matter.
 */
// prettier-ignore
const VALUE_FLAGS = toolMap([
    ['git', '-C -c --git-dir --work-tree --namespace --repo -o --push-option --receive-pack --exec'],
    ['gh', '-R --repo -X --method -H --header -f -F --field --raw-field --input -q --jq -t --template --hostname --cache -p --preview ' +
            '-B --base --head --title -b --body --body-file -n --notes --notes-file --target -r --ref --subject -A --author-email ' +
            '--match-head-commit -a --assignee -l --label --milestone --reviewer --discussion-category --notes-start-tag'],
    ['kubectl', '-n --namespace --context --cluster --kubeconfig -s --server --user -f --filename -l --selector -o --output ' +
            '-c --container --field-manager -k --kustomize --timeout --type -p --patch --replicas'],
    ['helm', '-n --namespace --kube-context --kubeconfig -f --values --set --set-string --set-file --version --repo --timeout ' +
            '--description -o --output --post-renderer --username --password --ca-file --cert-file --key-file --registry-config ' +
            '--repository-config --repository-cache --history-max'],
    ['docker podman nerdctl buildah', '-H --host --context -c --config -l --log-level -t --tag -f --file --platform --build-arg ' +
            '--target --label --cache-from --cache-to -o --output --secret --ssh --builder --progress --network --iidfile ' +
            '--metadata-file --annotation --build-context --add-host --allow --attest --set'],
    ['aws', '--region --profile --output --endpoint-url --query --ca-bundle --color --exclude --include --acl --storage-class ' +
            '--cache-control --content-type --sse --sse-kms-key-id --expires --metadata --metadata-directive --grants ' +
            '--content-encoding --content-disposition --content-language --source-region --page-size --expected-size --cluster ' +
            '--service --function-name --zip-file --s3-bucket --s3-key --image-uri --stack-name --template-file --template-body ' +
            '--template-url --task-definition --desired-count --application-name --deployment-group-name'],
    ['gcloud', '--project --region --zone --account --configuration --format --image --source --platform --service-account ' +
            '--memory --cpu --port --set-env-vars --update-env-vars --runtime --entry-point --flags-file ' +
            '--impersonate-service-account --verbosity --billing-project --trigger-topic'],
    ['az', '--subscription -g --resource-group -n --name --src-path --type --template-file -f --parameters -p --location -l ' +
            '--output -o --query --mode'],
    ['terraform tofu terragrunt', '-var -var-file -target -replace -state -lock-timeout -parallelism -backup -state-out ' +
            '--terragrunt-working-dir --working-dir --terragrunt-config'],
    ['pulumi', '-C --cwd -s --stack --config-file -m --message --target -t --parallel -p'],
    ['npm', '-w --workspace --prefix --registry --tag --access --otp --userconfig'],
    ['pnpm', '-C --dir -F --filter --filter-prod --workspace-dir --tag --access --otp --registry --publish-branch'],
    ['yarn', '--cwd --tag --access --otp --registry --new-version'],
    ['cargo', '--manifest-path -p --package --registry --index --token -Z --config --target --features -F -j --jobs ' +
            '--target-dir --color'],
    ['twine', '-r --repository --repository-url -u --username -p --password -c --comment --config-file --identity ' +
            '--sign-with --client-cert --cert'],
    ['dotnet', '-s --source -k --api-key --symbol-source --symbol-api-key -t --timeout -v --verbosity -c --configuration'],
    ['mvn mvnw', '-P -f --file -s --settings -pl --projects -rf -T --threads -gs -t -l --log-file -b'],
    ['gradle gradlew', '-p --project-dir -x --exclude-task -b --build-file -c --settings-file -I --init-script -g ' +
            '--gradle-user-home --console --warning-mode --max-workers'],
    ['goreleaser', '-f --config --skip -p --parallelism --timeout --release-notes --id'],
    ['vercel', '--token --scope -t -S --cwd -A --local-config -e --env -b --build-env -m --meta --target --archive --regions'],
    ['netlify netlify-cli', '--dir -d --site -s --auth -a --functions -f --message -m --alias --filter --context'],
    ['firebase firebase-tools', '--project -P --only --except --token -m --message --config'],
    ['fly flyctl', '-a --app -c --config --image -i --strategy -e --env -r --region --build-arg --dockerfile'],
    ['wrangler', '-c --config -e --env --name --compatibility-date --project-name --branch --commit-hash --commit-message'],
    ['serverless sls', '--stage -s --region -r --config -c --aws-profile --param --function -f'],
    ['cdk aws-cdk', '-a --app -c --context --profile --role-arn -r --require-approval --parameters --outputs-file -O ' +
            '--toolkit-stack-name'],
    ['sam', '--stack-name --s3-bucket --region --profile --template-file -t --config-env --config-file --image-repository ' +
            '--s3-prefix'],
    ['heroku', '-a --app -r --remote'],
]);
/** Leading positionals that do not change what a command does (`gcloud beta run deploy`). */
const IGNORED_LEADING = toolMap([
    ['gcloud', 'alpha beta'],
]);
// prettier-ignore
const WRAPPERS = [
    { tools: 'npx bunx pnpx uvx', valueFlags: words('-p --package --from --with --python') },
    { tools: 'npm', path: 'exec|x', valueFlags: words('-p --package -w --workspace') },
    { tools: 'pnpm', path: 'exec|dlx', valueFlags: words('-C --dir -F --filter') },
    { tools: 'yarn', path: 'dlx|exec|run', valueFlags: words('-p --package') },
    { tools: 'yarn', path: 'workspaces foreach', valueFlags: words('--include --exclude --since -j --jobs --from') },
    { tools: 'bun', path: 'x|run' },
    { tools: 'uv', path: 'run, tool run', valueFlags: words('--with --python -p --from --directory --project --package --group --extra') },
    { tools: 'pipx', path: 'run', valueFlags: words('--spec --python') },
    { tools: 'poetry pdm pipenv hatch rye', path: 'run' },
    // `yarn changeset publish`, `pnpm semantic-release`: a bare package-manager call runs a binary.
    { tools: 'yarn pnpm', valueFlags: words('--cwd -C --dir -F --filter') },
];
function words(list) {
    return list.split(' ');
}
function toolMap(rows) {
    return new Map(rows.flatMap(([tools, flags]) => words(tools).map((t) => [t, words(flags)])));
}

;// CONCATENATED MODULE: ./src/inventory/shell.ts
/**
 * Shell-aware splitter for the `run:` scripts of GitHub Actions steps.
 *
 * The command classifier must reason about commands, not text: `echo "npm publish"` and
 * `# npm publish` publish nothing, while `sudo -E npm publish`, `v=$(npm publish)` and
 * `bash -c 'npm publish'` do. This module turns a script into simple commands — argv with
 * quotes removed and redirections dropped, launcher prefixes (sudo, env, xargs…) stripped,
 * inline scripts (`bash -c`, `eval`) split again — with the position of each command.
 *
 * It is a pragmatic approximation of the POSIX/bash grammar, not a validator: malformed
 * input yields a best-effort answer. It never throws, and it bounds its work on hostile
 * input, reporting `truncated` when it stopped early.
 */
const MAX_SCRIPT_CHARS = 1 << 20;
const MAX_DEPTH = 24;
const MAX_COMMANDS = 20_000;
const MAX_TOKENS = 2_000_000;
/** Inline scripts (`bash -c`, `eval`) are parsed again; this bounds the total re-parsed text. */
const MAX_INLINE_CHARS = 4 << 20;
/** `${{ … }}` and `(( … ))` are short in practice; the bound keeps unclosed ones from going quadratic. */
const MAX_EXPRESSION_CHARS = 4096;
/** `find -exec find -exec …` nests; real scripts use one level. */
const MAX_EXEC_LEVELS = 3;
function splitCommands(script) {
    let text = typeof script === 'string' ? script : '';
    let cut = false;
    if (text.length > MAX_SCRIPT_CHARS) {
        const lastLine = text.lastIndexOf('\n', MAX_SCRIPT_CHARS);
        text = text.slice(0, lastLine > 0 ? lastLine : MAX_SCRIPT_CHARS);
        cut = true;
    }
    const shared = {
        commands: [],
        lineStarts: lineStarts(text),
        tokens: MAX_TOKENS,
        inlineChars: MAX_INLINE_CHARS,
        halted: false,
    };
    try {
        new Parser(text, { base: 0 }, shared, 0).run();
    }
    catch {
        // The limits above should make this unreachable (e.g. stack overflow); callers rely on no throw.
        shared.halted = true;
    }
    const commands = shared.commands.sort((a, b) => a.line - b.line || a.column - b.column);
    return { commands, truncated: cut || shared.halted };
}
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
// ---------------------------------------------------------------------------------------------
// Grammar state of one command list: which words form a simple command, and which are keywords.
const OPERATORS = [';;&', '&&', '||', '|&', ';;', ';&', ';', '&', '|', '(', ')'];
const REDIRECTION = /\d*(?:&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)/y;
const META = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
/** Reserved words that only shape control flow: the commands around them are what runs. */
const TRANSPARENT_KEYWORDS = new Set(wordList('if then else elif fi do done while until ! { }'));
const KEYWORD_SKIPS = new Map([
    ['for', 'for-header'],
    ['select', 'for-header'],
    ['case', 'case-header'],
    ['function', 'function-name'],
    ['[[', 'test'],
]);
/** `for x in a b;` ends at `;` or a newline, `[[ … ]]` at a newline; `case x in` only at `in`. */
function skipEndsAt(skip, op) {
    return (skip === 'for-header' && op === ';') || (op === '\n' && skip !== 'case-header');
}
class ListState {
    emit;
    words = [];
    skip = 'none';
    /** One entry per open `case`: reading patterns (`a|b)`) or the commands of a clause. */
    cases = [];
    parens = 0;
    swallowClose = false;
    constructor(emit) {
        this.emit = emit;
    }
    flush() {
        if (this.words.length > 0)
            this.emit(this.words);
        this.words = [];
    }
    word(w) {
        if (this.cases.at(-1) === 'pattern') {
            if (!w.quoted && w.raw === 'esac')
                this.cases.pop();
            return;
        }
        if (this.skipWord(w))
            return;
        if (this.words.length === 0 && !w.quoted && this.keyword(w.raw))
            return;
        this.words.push(w);
    }
    /** Handles an operator; returns true when it closes the enclosing `$( … )`. */
    op(op, inSubstitution) {
        if (this.cases.at(-1) === 'pattern') {
            if (op === ')')
                this.cases[this.cases.length - 1] = 'body';
            return false;
        }
        if (this.skip === 'function-name')
            this.skip = 'none';
        if (this.skip !== 'none') {
            if (skipEndsAt(this.skip, op))
                this.skip = 'none';
            return false;
        }
        switch (op) {
            case '(':
                // `name ( )` defines a function: `name` is not run here.
                if (this.words.length > 0) {
                    this.words = [];
                    this.swallowClose = true;
                }
                else
                    this.parens++;
                return false;
            case ')':
                if (this.swallowClose) {
                    this.swallowClose = false;
                    return false;
                }
                this.flush();
                if (this.parens === 0)
                    return inSubstitution;
                this.parens--;
                return false;
            case ';;':
            case ';&':
            case ';;&':
                this.flush();
                if (this.cases.length > 0)
                    this.cases[this.cases.length - 1] = 'pattern';
                return false;
            case ';':
            case '\n':
            case '&':
            case '&&':
            case '|':
            case '|&':
            case '||':
                this.flush();
                return false;
        }
    }
    skipWord(w) {
        switch (this.skip) {
            case 'none':
                return false;
            case 'function-name':
                this.skip = 'none';
                return true;
            case 'test':
                if (w.raw === ']]')
                    this.skip = 'none';
                return true;
            case 'for-header':
                if (w.raw === 'do')
                    this.skip = 'none';
                return true;
            case 'case-header':
                if (w.raw === 'in') {
                    this.skip = 'none';
                    this.cases.push('pattern');
                }
                return true;
        }
    }
    keyword(word) {
        if (TRANSPARENT_KEYWORDS.has(word) || word.startsWith('(('))
            return true;
        if (word === 'esac') {
            this.cases.pop();
            return true;
        }
        const skip = KEYWORD_SKIPS.get(word);
        if (skip === undefined)
            return false;
        this.skip = skip;
        return true;
    }
}
// ---------------------------------------------------------------------------------------------
// Lexer and parser over one piece of source text.
const EOF = { type: 'eof' };
const REDIR = { type: 'redir' };
class Parser {
    src;
    origin;
    shared;
    depth;
    pos = 0;
    nesting = 0;
    heredocs = [];
    /** Memo of `find`: queries move forward, so each needle is searched for once per occurrence. */
    found = new Map();
    constructor(src, origin, shared, depth) {
        this.src = src;
        this.origin = origin;
        this.shared = shared;
        this.depth = depth;
    }
    run() {
        this.parseList(false);
    }
    parseList(inSubstitution) {
        const list = new ListState((words) => this.emit(words));
        for (;;) {
            const token = this.next();
            if (token.type === 'eof')
                break;
            if (token.type === 'word')
                list.word(token.word);
            else if (token.type === 'op' && list.op(token.op, inSubstitution))
                return;
        }
        list.flush();
    }
    halt() {
        this.shared.halted = true;
    }
    next() {
        for (;;) {
            if (this.shared.halted || --this.shared.tokens < 0) {
                this.halt();
                return EOF;
            }
            this.skipBlanks();
            const c = this.src[this.pos];
            if (c === undefined)
                return EOF;
            if (c === '#') {
                const end = this.src.indexOf('\n', this.pos);
                this.pos = end < 0 ? this.src.length : end;
                continue;
            }
            if (c === '\n') {
                this.pos++;
                this.skipHeredocBodies();
                return { type: 'op', op: '\n' };
            }
            if ((c === '<' || c === '>') && this.src[this.pos + 1] === '(')
                return this.wordToken();
            if (this.redirection())
                return REDIR;
            const arithmetic = this.arithmeticCommand();
            if (arithmetic)
                return arithmetic;
            const op = OPERATORS.find((o) => this.src.startsWith(o, this.pos));
            if (op !== undefined) {
                this.pos += op.length;
                return { type: 'op', op };
            }
            return this.wordToken();
        }
    }
    /**
     * `(( i++ ))` is one opaque word, told from nested subshells (`((cd a; make) || true)`) by
     * a `))` later on the same line.
     */
    arithmeticCommand() {
        const start = this.pos;
        if (!this.src.startsWith('((', start))
            return undefined;
        const close = this.find('))', start + 2);
        const newline = this.find('\n', start);
        if (close < 0 || close - start > MAX_EXPRESSION_CHARS || (newline >= 0 && newline < close))
            return undefined;
        this.pos = close + 2;
        const text = this.src.slice(start, this.pos);
        return { type: 'word', word: { value: text, raw: text, start, end: this.pos, quoted: false } };
    }
    skipBlanks() {
        for (;;) {
            const c = this.src[this.pos];
            if (c === ' ' || c === '\t' || c === '\r')
                this.pos++;
            else if (c === '\\' && this.src[this.pos + 1] === '\n')
                this.pos += 2;
            else if (c === '\\' && this.src.startsWith('\r\n', this.pos + 1))
                this.pos += 3;
            else
                return;
        }
    }
    wordToken() {
        const start = this.pos;
        const word = this.lexWord();
        if (this.pos === start)
            this.pos++; // cannot happen for a non-operator character; guarantees progress
        return { type: 'word', word };
    }
    /** Consumes a redirection operator and its target word (dropped from argv). */
    redirection() {
        REDIRECTION.lastIndex = this.pos;
        const match = REDIRECTION.exec(this.src);
        if (!match)
            return false;
        this.pos += match[0].length;
        const op = match[0].replace(/^\d+/, '');
        while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t')
            this.pos++;
        const c = this.src[this.pos];
        const startsWord = c !== undefined &&
            (!META.has(c) || ((c === '<' || c === '>') && this.src[this.pos + 1] === '('));
        if (!startsWord)
            return true;
        const target = this.lexWord();
        if (op === '<<' || op === '<<-')
            this.heredocs.push({ delimiter: target.value, stripTabs: op === '<<-' });
        return true;
    }
    /** After a newline, skips the bodies of the here-documents opened on that line: they are data. */
    skipHeredocBodies() {
        for (const { delimiter, stripTabs } of this.heredocs) {
            while (this.pos < this.src.length) {
                const end = this.src.indexOf('\n', this.pos);
                let line = this.src.slice(this.pos, end < 0 ? this.src.length : end).replace(/\r$/, '');
                this.pos = end < 0 ? this.src.length : end + 1;
                if (stripTabs)
                    line = line.replace(/^\t+/, '');
                if (line === delimiter)
                    break;
            }
        }
        this.heredocs = [];
    }
    lexWord() {
        const start = this.pos;
        let value = '';
        let quoted = false;
        for (;;) {
            const c = this.src[this.pos];
            if (c === undefined || this.shared.halted)
                break;
            if (this.pos === start && (c === '<' || c === '>') && this.src[this.pos + 1] === '(') {
                value += this.commandSubstitution();
            }
            else if (META.has(c)) {
                // `arr=(a b)` and extglobs like `@(a|b)` keep their parentheses inside the word.
                if (c !== '(' || this.pos === start || !'=@!+*?'.includes(this.src.charAt(this.pos - 1)))
                    break;
                const from = this.pos;
                this.skipBalanced('(', ')');
                value += this.src.slice(from, this.pos);
            }
            else if (c === '\\') {
                const escaped = this.escape();
                quoted ||= escaped !== '';
                value += escaped;
            }
            else if (c === "'") {
                quoted = true;
                value += this.singleQuoted();
            }
            else if (c === '"') {
                quoted = true;
                value += this.doubleQuoted();
            }
            else if (c === '`') {
                value += this.backticks();
            }
            else if (c === '$') {
                const next = this.src[this.pos + 1];
                quoted ||= next === "'" || next === '"';
                value += this.dollar(false);
            }
            else {
                value += c;
                this.pos++;
            }
        }
        return { value, raw: this.src.slice(start, this.pos), start, end: this.pos, quoted };
    }
    escape() {
        const next = this.src[this.pos + 1];
        if (next === '\n') {
            this.pos += 2;
            return '';
        }
        if (next === '\r' && this.src[this.pos + 2] === '\n') {
            this.pos += 3;
            return '';
        }
        this.pos += next === undefined ? 1 : 2;
        return next ?? '';
    }
    singleQuoted() {
        let out = '';
        let i = this.pos + 1;
        while (i < this.src.length) {
            const c = this.src.charAt(i);
            // A GitHub expression is substituted before the shell runs, so its quotes are not shell quotes.
            const exprEnd = c === '$' ? this.expressionEnd(i) : -1;
            if (exprEnd > 0) {
                out += this.src.slice(i, exprEnd);
                i = exprEnd;
                continue;
            }
            if (c === "'")
                break;
            out += c;
            i++;
        }
        this.pos = Math.min(i + 1, this.src.length);
        return out;
    }
    doubleQuoted() {
        let out = '';
        this.pos++;
        for (;;) {
            const c = this.src[this.pos];
            if (c === undefined)
                return out;
            if (c === '"') {
                this.pos++;
                return out;
            }
            if (c === '\\') {
                const next = this.src.charAt(this.pos + 1);
                if (next === '\n')
                    this.pos += 2;
                else if (next !== '' && '$`"\\'.includes(next)) {
                    out += next;
                    this.pos += 2;
                }
                else {
                    out += c;
                    this.pos++;
                }
            }
            else if (c === '$')
                out += this.dollar(true);
            else if (c === '`')
                out += this.backticks();
            else {
                out += c;
                this.pos++;
            }
        }
    }
    /** `$…` forms; returns their text (substitutions stay verbatim in argv). */
    dollar(inDoubleQuotes) {
        const start = this.pos;
        const next = this.src[this.pos + 1];
        const exprEnd = this.expressionEnd(start);
        if (exprEnd > 0) {
            this.pos = exprEnd;
        }
        else if (this.src.startsWith('$((', start)) {
            this.pos++;
            this.skipBalanced('(', ')');
        }
        else if (next === '(') {
            return this.commandSubstitution();
        }
        else if (next === '{') {
            this.pos++;
            this.skipBalanced('{', '}');
        }
        else if (next === "'" && !inDoubleQuotes) {
            return this.ansiQuoted();
        }
        else if (next === '"' && !inDoubleQuotes) {
            this.pos++; // `$"…"`: a translatable string, otherwise a plain double-quoted one
            return '';
        }
        else {
            this.pos++;
        }
        return this.src.slice(start, this.pos);
    }
    /**
     * End offset of the `${{ … }}` starting at `i`, or -1 when there is none. It ends at the
     * first `}}`: a `}}` inside an expression string literal is not worth a real parser.
     */
    expressionEnd(i) {
        if (!this.src.startsWith('${{', i))
            return -1;
        const close = this.find('}}', i + 3);
        return close >= 0 && close + 2 - i <= MAX_EXPRESSION_CHARS ? close + 2 : -1;
    }
    /** `indexOf` memoised per needle, so a script full of unclosed `${{` or `((` stays linear. */
    find(needle, from) {
        const memo = this.found.get(needle);
        if (memo && memo.from <= from && (memo.at < 0 || memo.at >= from))
            return memo.at;
        const at = this.src.indexOf(needle, from);
        this.found.set(needle, { from, at });
        return at;
    }
    ansiQuoted() {
        let out = '';
        this.pos += 2;
        for (;;) {
            const c = this.src[this.pos];
            if (c === undefined)
                return out;
            this.pos++;
            if (c === "'")
                return out;
            if (c !== '\\')
                out += c;
            else {
                const next = this.src.charAt(this.pos);
                this.pos++;
                out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
            }
        }
    }
    /** Skips a balanced `open … close` group (quotes respected); stops at the end of text. */
    skipBalanced(open, close) {
        let depth = 0;
        while (this.pos < this.src.length) {
            const c = this.src.charAt(this.pos);
            if (c === '\\')
                this.pos += 2;
            else if (c === "'" || c === '"') {
                const end = this.src.indexOf(c, this.pos + 1);
                this.pos = end < 0 ? this.src.length : end + 1;
            }
            else {
                this.pos++;
                if (c === open)
                    depth++;
                else if (c === close && --depth <= 0)
                    return;
            }
        }
    }
    /** `$( … )` or `<( … )`: its commands run, so they are parsed in place and emitted. */
    commandSubstitution() {
        const start = this.pos;
        this.pos += 2;
        if (this.depth + this.nesting >= MAX_DEPTH)
            this.halt();
        else {
            this.nesting++;
            this.parseList(true);
            this.nesting--;
        }
        return this.src.slice(start, this.pos);
    }
    backticks() {
        const start = this.pos;
        let i = start + 1;
        while (i < this.src.length && this.src[i] !== '`')
            i += this.src[i] === '\\' ? 2 : 1;
        const end = Math.min(i, this.src.length);
        this.pos = Math.min(end + 1, this.src.length);
        this.subParse(this.src.slice(start + 1, end), {
            base: this.origin.base + start + 1,
            fixed: this.origin.fixed,
        });
        return this.src.slice(start, this.pos);
    }
    subParse(script, origin) {
        const depth = this.depth + this.nesting + 1;
        if (depth > MAX_DEPTH)
            this.halt();
        else
            new Parser(script, origin, this.shared, depth).run();
    }
    emit(words, execLevel = 0) {
        const resolved = resolve(words);
        if (resolved.kind === 'none')
            return;
        if (resolved.kind === 'inline') {
            this.shared.inlineChars -= resolved.script.length;
            if (this.shared.inlineChars < 0)
                this.halt();
            else
                this.subParse(resolved.script, { base: 0, fixed: this.position(resolved.at.start) });
            return;
        }
        const real = words.slice(resolved.start);
        this.push(real, words);
        if (execLevel < MAX_EXEC_LEVELS)
            for (const inner of execCommands(real))
                this.emit(inner, execLevel + 1);
    }
    push(real, all) {
        const head = real[0];
        const first = all[0];
        const last = all.at(-1);
        if (!head || !first || !last)
            return;
        if (this.shared.commands.length >= MAX_COMMANDS) {
            this.halt();
            return;
        }
        this.shared.commands.push({
            argv: real.map((w) => w.value),
            raw: real.map((w) => w.raw),
            ...this.position(head.start),
            text: this.src.slice(first.start, last.end),
        });
    }
    position(offset) {
        if (this.origin.fixed)
            return this.origin.fixed;
        const at = this.origin.base + offset;
        const starts = this.shared.lineStarts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= at)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
    }
}
const PREFIXES = new Map([
    [
        'sudo',
        prefix('-u -g -C -D -p -r -t -T -U --user --group --close-from --chdir --prompt --role --type --command-timeout --other-user --host'),
    ],
    ['doas', prefix('-u -C')],
    ['env', prefix('-u -C -S --unset --chdir --split-string')],
    ['time', prefix('-o -f --output --format')],
    ['nohup', prefix('')],
    ['exec', prefix('-a')],
    ['command', prefix('', { lookupFlags: ['-v', '-V'] })],
    ['builtin', prefix('')],
    ['nice', prefix('-n --adjustment')],
    ['timeout', prefix('-s -k --signal --kill-after', { operands: 1 })],
    ['stdbuf', prefix('-i -o -e')],
    [
        'xargs',
        prefix('-I -L -n -P -s -d -E -a --arg-file --delimiter --max-args --max-procs --max-chars --max-lines --eof --process-slot-var'),
    ],
]);
function prefix(valueFlags, extra = {}) {
    return { valueFlags: wordList(valueFlags), ...extra };
}
function wordList(list) {
    return list.split(' ').filter(Boolean);
}
const POSIX_SHELLS = new Set(wordList('bash sh zsh dash ksh ash mksh'));
const WINDOWS_SHELLS = new Set(wordList('pwsh powershell pwsh.exe powershell.exe cmd cmd.exe'));
const WINDOWS_COMMAND_FLAGS = new Set(wordList('-c -command -commandwithargs -cwa /c /k'));
const WINDOWS_VALUE_FLAGS = new Set(wordList('-executionpolicy -ep -workingdirectory -wd -outputformat -of -inputformat -if -configurationname -settingsfile -windowstyle -w'));
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
function resolve(words) {
    let i = 0;
    for (;;) {
        while (words[i] !== undefined && ASSIGNMENT.test(words[i]?.raw ?? ''))
            i++;
        const head = words[i];
        if (!head)
            return { kind: 'none' };
        const name = basename(head.value);
        const spec = PREFIXES.get(name);
        if (spec) {
            const next = skipPrefix(words, i + 1, spec);
            if (next === undefined)
                return { kind: 'plain', start: i };
            i = next;
            continue;
        }
        const script = inlineScript(words, i, name);
        return script === undefined
            ? { kind: 'plain', start: i }
            : { kind: 'inline', script, at: head };
    }
}
/** Index of the first word after a prefix's options and operands; undefined for lookups. */
function skipPrefix(words, from, spec) {
    let i = from;
    for (let w = words[i]?.value; w !== undefined; w = words[i]?.value) {
        if (spec.lookupFlags?.includes(w))
            return undefined;
        if (w === '--')
            return i + 1 + (spec.operands ?? 0);
        if (w === '-')
            i++;
        else if (w.startsWith('-'))
            i += takesValue(w, spec.valueFlags) ? 2 : 1;
        else
            break;
    }
    return i + (spec.operands ?? 0);
}
/** True when flag word `w` consumes the next word (`-u user`, `-Eu user`, `--user user`). */
function takesValue(w, valueFlags) {
    if (w.startsWith('--'))
        return valueFlags.includes(w);
    for (let k = 1; k < w.length; k++) {
        if (valueFlags.includes(`-${w.charAt(k)}`))
            return k === w.length - 1;
    }
    return false;
}
/** The script run by `bash -c '…'`, `pwsh -Command …`, `eval …` or `su -c '…'`, if any. */
function inlineScript(words, at, name) {
    const rest = words.slice(at + 1).map((w) => w.value);
    if (name === 'eval')
        return rest.length > 0 ? rest.join(' ') : undefined;
    if (POSIX_SHELLS.has(name))
        return posixShellScript(rest);
    if (WINDOWS_SHELLS.has(name))
        return windowsShellScript(rest);
    if (name === 'su') {
        const flag = rest.findIndex((w) => w === '-c' || w === '--command');
        return flag < 0 ? undefined : rest[flag + 1];
    }
    return undefined;
}
function posixShellScript(args) {
    let hasCommand = false;
    let i = 0;
    for (let w = args[i]; w !== undefined && /^[-+]./.test(w); w = args[++i]) {
        if (w === '--') {
            i++;
            break;
        }
        if (/^[-+][oO]$/.test(w) || w === '--rcfile' || w === '--init-file')
            i++;
        else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(w))
            hasCommand = true;
    }
    return hasCommand ? args[i] : undefined;
}
function windowsShellScript(args) {
    for (let i = 0; i < args.length; i++) {
        const w = (args[i] ?? '').toLowerCase();
        if (WINDOWS_COMMAND_FLAGS.has(w))
            return args.slice(i + 1).join(' ') || undefined;
        if (WINDOWS_VALUE_FLAGS.has(w))
            i++;
        else if (!w.startsWith('-') && !w.startsWith('/'))
            return undefined;
    }
    return undefined;
}
/** `find … -exec cmd {} ;` runs `cmd`: each -exec segment is a command of its own. */
function execCommands(words) {
    if (basename(words[0]?.value ?? '') !== 'find')
        return [];
    const out = [];
    for (let i = 1; i < words.length; i++) {
        if (!/^-(?:exec|execdir|ok|okdir)$/.test(words[i]?.value ?? ''))
            continue;
        const end = words.findIndex((w, k) => k > i && (w.value === ';' || w.value === '+'));
        out.push(words.slice(i + 1, end < 0 ? words.length : end));
        i = end < 0 ? words.length : end;
    }
    return out;
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./src/inventory/commands.ts


const MAX_COMMAND_CHARS = 200;
/** `npx pnpm exec …` nests wrappers; a few levels cover real scripts. */
const MAX_UNWRAP = 3;
function classifyScript(script, options = {}) {
    const { commands, truncated } = splitCommands(script);
    const branches = new Set(['main', 'master']);
    if (options.defaultBranch)
        branches.add(options.defaultBranch);
    const ctx = { defaultBranches: branches };
    return { hits: commands.flatMap((command) => classifyCommand(command, ctx)), truncated };
}
/** Tries argv as typed, then the command inside each wrapper (`npx x`, `python -m x`). */
function classifyCommand(command, ctx) {
    let start = 0;
    for (let level = 0; level <= MAX_UNWRAP; level++) {
        const argv = command.argv.slice(start);
        const findings = findingsFor(parseCommand(argv, command.raw.slice(start)), ctx);
        if (findings.length > 0)
            return findings.map((f) => toHit(f, command));
        const inner = unwrap(argv);
        if (inner === undefined)
            break;
        start += inner;
    }
    return [];
}
function findingsFor(c, ctx) {
    if (isDryRun(c))
        return [];
    const out = [];
    for (const matcher of MATCHERS.get(c.name) ?? []) {
        const rest = matchPath(matcher.paths, c.positionals);
        if (rest !== undefined)
            out.push(...matcher.run(c, rest, ctx));
    }
    return out;
}
function toHit(f, command) {
    const text = command.argv.join(' ');
    const hit = {
        class: f.class,
        kind: f.kind,
        command: text.length > MAX_COMMAND_CHARS ? `${text.slice(0, MAX_COMMAND_CHARS - 1)}…` : text,
        line: command.line,
        column: command.column,
        detail: f.detail,
    };
    if (f.target)
        hit.target = f.target.slice(0, MAX_COMMAND_CHARS);
    return hit;
}
/** `--dry-run` is the common spelling of "do nothing for real" (npm, helm, kubectl, git…). */
function isDryRun(c) {
    return c.args.some((a) => a === '--dry-run' ||
        a === '--dryrun' ||
        (a.startsWith('--dry-run=') && !/^(?:none|false)$/.test(a.slice(10))));
}
// ---------------------------------------------------------------------------------------------
// Reading argv through a tool's flag grammar.
const SHORT_CLUSTER = /^-[A-Za-z0-9]{2,}$/;
function commandName(word) {
    const base = word.slice(word.lastIndexOf('/') + 1);
    return base.replace(/(.)@[^@]*$/, '$1').replace(/\.(?:exe|cmd|bat)$/i, '');
}
function parseCommand(argv, raw) {
    const name = commandName(argv[0] ?? '');
    const args = argv.slice(1);
    let positionals = collectPositionals(args, VALUE_FLAGS.get(name) ?? []);
    if (IGNORED_LEADING.get(name)?.includes(positionals[0] ?? ''))
        positionals = positionals.slice(1);
    return {
        name,
        args,
        raw: raw.slice(1),
        positionals,
        has: (...flags) => flags.some((f) => hasFlag(args, f)),
        value: (...flags) => flagValue(args, flags),
    };
}
function collectPositionals(args, valueFlags) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i] ?? '';
        if (a === '--')
            return out.concat(args.slice(i + 1));
        if (a.length > 1 && a.startsWith('-')) {
            if (valueFlags.includes(a))
                i++;
        }
        else
            out.push(a);
    }
    return out;
}
/** `--force`, `--force=x`, `-f`, or `f` inside a short cluster such as `-rf`. */
function hasFlag(args, flag) {
    const short = flag.length === 2 && flag !== '--';
    for (const a of args) {
        if (a === '--')
            return false;
        if (a === flag || (!short && a.startsWith(`${flag}=`)))
            return true;
        if (short && SHORT_CLUSTER.test(a) && a.includes(flag.charAt(1)))
            return true;
    }
    return false;
}
/** Value of the first of `flags` present: `--f v`, `--f=v`, `-f v`, `-fv`. */
function flagValue(args, flags) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i] ?? '';
        if (a === '--')
            return undefined;
        for (const f of flags) {
            if (a === f)
                return args[i + 1];
            if (a.startsWith(`${f}=`))
                return a.slice(f.length + 1);
            if (f.length === 2 && !a.startsWith('--') && a.length > 2 && a.startsWith(f))
                return a.slice(2);
        }
    }
    return undefined;
}
// ---------------------------------------------------------------------------------------------
// Compiling the tables.
/** `'s3 cp|sync, s3api put-object'` → alternatives of steps of accepted words. */
function compilePath(path) {
    if (path === undefined)
        return [[]];
    return path.split(',').map((alt) => alt
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((step) => step.split('|')));
}
function matchPath(paths, positionals) {
    for (const steps of paths) {
        const ok = steps.every((options, i) => {
            const word = positionals[i];
            return word !== undefined && (options.includes('*') || options.includes(word));
        });
        if (ok)
            return positionals.slice(steps.length);
    }
    return undefined;
}
const ANALYZERS = [
    { tools: 'git', path: 'push', analyze: analyzeGitPush },
    { tools: 'rm', analyze: analyzeRm },
    { tools: 'gh', path: 'api', analyze: analyzeGhApi },
];
const MATCHERS = (() => {
    const byTool = new Map();
    const add = (tools, matcher) => {
        for (const tool of tools.split(' '))
            byTool.set(tool, [...(byTool.get(tool) ?? []), matcher]);
    };
    for (const rule of COMMAND_RULES) {
        add(rule.tools, {
            paths: compilePath(rule.path),
            run: (c, rest) => rule.when && !rule.when(c, rest)
                ? []
                : [
                    {
                        class: rule.class,
                        kind: rule.kind,
                        detail: rule.detail,
                        target: rule.target?.(c, rest),
                    },
                ],
        });
    }
    for (const a of ANALYZERS)
        add(a.tools, { paths: compilePath(a.path), run: a.analyze });
    return byTool;
})();
const COMPILED_WRAPPERS = WRAPPERS.map((w) => ({
    tools: new Set(w.tools.split(' ')),
    paths: compilePath(w.path),
    valueFlags: w.valueFlags ?? [],
}));
const PYTHON = /^(?:python[\d.]*|py|pypy[\d.]*)$/;
/** Index in argv of the command a wrapper runs (`npx -y semantic-release` → 2), if any. */
function unwrap(argv) {
    const name = commandName(argv[0] ?? '');
    if (PYTHON.test(name))
        return pythonModule(argv);
    for (const w of COMPILED_WRAPPERS) {
        if (!w.tools.has(name))
            continue;
        for (const steps of w.paths) {
            const at = wrappedIndex(argv, steps, w.valueFlags);
            if (at !== undefined)
                return at;
        }
    }
    return undefined;
}
function wrappedIndex(argv, steps, valueFlags) {
    let step = 0;
    for (let i = 1; i < argv.length; i++) {
        const a = argv[i] ?? '';
        if (a === '--')
            return step === steps.length && i + 1 < argv.length ? i + 1 : undefined;
        if (a.length > 1 && a.startsWith('-')) {
            if (valueFlags.includes(a))
                i++;
            continue;
        }
        const expected = steps[step];
        if (expected === undefined)
            return i;
        if (!expected.includes(a))
            return undefined;
        step++;
    }
    return undefined;
}
/** `python3 -u -m twine upload …` runs the `twine` module like the `twine` command. */
function pythonModule(argv) {
    for (let i = 1; i < argv.length; i++) {
        const a = argv[i] ?? '';
        if (a === '-m')
            return argv[i + 1] === undefined ? undefined : i + 1;
        if (a === '-W' || a === '-X')
            i++;
        else if (!a.startsWith('-') || a === '-c')
            return undefined;
    }
    return undefined;
}
// ---------------------------------------------------------------------------------------------
// Analyzers.
function analyzeGitPush(c, rest, ctx) {
    if (c.has('-n'))
        return []; // `git push -n` is a dry run
    const [url, ...refspecs] = rest;
    const remote = url?.replace(/\/\/[^@/]*@/, '//'); // never echo credentials embedded in a URL
    if (remote !== undefined && (remote === 'heroku' || remote.includes('heroku.com'))) {
        return [
            {
                class: 'deploy',
                kind: 'git-push-heroku',
                detail: 'deploys to Heroku with git push',
                target: remote,
            },
        ];
    }
    const specs = refspecs.map(parseRefspec);
    const forced = c.has('-f', '--force', '--force-with-lease') || specs.some((s) => s.force);
    const deletes = c.has('-d', '--delete');
    const where = (branch) => branch && branch !== 'HEAD' ? `${remote ?? 'origin'}/${branch}` : remote;
    const out = [
        forced
            ? {
                class: 'write-branch',
                kind: 'git-push-force',
                detail: 'force-pushes to a branch',
                target: where(specs[0]?.branch),
            }
            : {
                class: 'write-branch',
                kind: 'git-push',
                detail: 'pushes to a branch',
                target: where(specs[0]?.branch),
            },
    ];
    if (c.has('--mirror'))
        out.push({
            class: 'destructive',
            kind: 'git-push-mirror',
            detail: 'overwrites and prunes every remote ref',
            target: remote,
        });
    for (const spec of specs) {
        if (deletes || spec.deletes) {
            out.push({
                class: 'destructive',
                kind: 'git-push-delete',
                detail: 'deletes a remote branch or tag',
                target: where(spec.branch),
            });
        }
        else if ((c.has('-f', '--force', '--force-with-lease') || spec.force) &&
            isDefaultBranch(spec.branch, ctx)) {
            out.push({
                class: 'destructive',
                kind: 'git-push-force-default',
                detail: 'force-pushes to the default branch',
                target: where(spec.branch),
            });
        }
    }
    if (c.has('--no-verify'))
        out.push({
            class: 'bypass-checks',
            kind: 'git-push-no-verify',
            detail: 'pushes without running hooks',
            target: remote,
        });
    return out;
}
/** `+src:dst` forces, `:dst` deletes; the branch is dst (or src alone) without `refs/heads/`. */
function parseRefspec(spec) {
    const force = spec.startsWith('+');
    const body = force ? spec.slice(1) : spec;
    const colon = body.indexOf(':');
    const dst = colon < 0 ? body : body.slice(colon + 1);
    return { branch: dst.replace(/^refs\/heads\//, ''), force, deletes: colon === 0 };
}
function isDefaultBranch(branch, ctx) {
    return (ctx.defaultBranches.has(branch) || /github\.event\.repository\.default_branch/.test(branch));
}
function analyzeRm(c) {
    if (!c.has('-r', '-R', '--recursive'))
        return [];
    let options = true;
    for (let i = 0; i < c.args.length; i++) {
        const arg = c.args[i] ?? '';
        if (options && arg === '--')
            options = false;
        else if (options && arg.length > 1 && arg.startsWith('-'))
            continue;
        else if (isBroadPath(arg, c.raw[i] ?? arg)) {
            return [
                {
                    class: 'destructive',
                    kind: 'rm-rf-broad',
                    detail: 'recursively deletes a broad path',
                    target: arg,
                },
            ];
        }
    }
    return [];
}
/** Paths whose recursive deletion wipes the machine, the home directory or the whole workspace. */
const BROAD_PATHS = new Set([
    '',
    '~',
    '.',
    '..',
    '*',
    '.*',
    '$HOME',
    '${HOME}',
    '$GITHUB_WORKSPACE',
    '${GITHUB_WORKSPACE}',
    '${{ github.workspace }}',
    '/home',
    '/usr',
    '/etc',
    '/var',
    '/opt',
    '/bin',
    '/sbin',
    '/lib',
    '/boot',
    '/root',
    '/srv',
]);
const LONE_VARIABLE = /^\$\{?[A-Za-z_]\w*\}?$/;
function isBroadPath(value, raw) {
    if (value.length > MAX_COMMAND_CHARS)
        return false; // broad paths are short; also bounds the work
    const trimmed = trimTrailingGlobs(value);
    const path = trimmed.startsWith('${{') && trimmed.endsWith('}}')
        ? `\${{ ${trimmed.slice(3, -2).trim()} }}`
        : trimmed;
    if (BROAD_PATHS.has(path))
        return true;
    if (!LONE_VARIABLE.test(path))
        return false;
    // `$DIR/` or `$DIR/*` becomes `/` when DIR is empty or unset.
    if (trimmed.length < value.length)
        return true;
    // An unquoted lone `$DIR` may split or vanish; a quoted one cannot widen.
    return !/["']/.test(raw);
}
/** `/`, `/*`, `dir/`, `dir/*`, `dir/.` → the directory they stand for (`/` → ''). */
function trimTrailingGlobs(value) {
    let end = value.length;
    for (;;) {
        if (value.endsWith('/', end))
            end -= 1;
        else if (value.endsWith('/*', end) || value.endsWith('/.', end))
            end -= 2;
        else
            return value.slice(0, end);
    }
}
function analyzeGhApi(c, rest) {
    const endpoint = (rest[0] ?? '')
        .replace(/^https?:\/\/[^/]+\//, '')
        .replace(/^\/+/, '')
        .replace(/^api\/v3\//, '')
        .replace(/[?#].*$/, '');
    if (endpoint === 'graphql')
        return graphqlFindings(c.args.join(' '));
    const implied = c.has('-f', '-F', '--field', '--raw-field', '--input') ? 'POST' : 'GET';
    const method = (c.value('-X', '--method') ?? implied).toUpperCase();
    return GH_API_RULES.filter((r) => r.methods.includes(method) && r.endpoint.test(endpoint)).map((r) => ({
        class: r.class,
        kind: r.kind,
        detail: r.detail,
        target: endpoint,
    }));
}
function graphqlFindings(query) {
    if (!/\bmutation\b/.test(query))
        return [];
    return GH_GRAPHQL_RULES.filter((r) => r.mutation.test(query)).map((r) => ({
        class: r.class,
        kind: r.kind,
        detail: r.detail,
        target: 'graphql',
    }));
}

;// CONCATENATED MODULE: ./src/inventory/permissions.ts

/** Every scope the workflow parser accepts, with the levels it allows. */
const PERMISSION_SCOPES = {
    actions: ['read', 'write', 'none'],
    'artifact-metadata': ['read', 'write', 'none'],
    attestations: ['read', 'write', 'none'],
    checks: ['read', 'write', 'none'],
    'code-quality': ['read', 'write', 'none'],
    contents: ['read', 'write', 'none'],
    'copilot-requests': ['write', 'none'],
    deployments: ['read', 'write', 'none'],
    discussions: ['read', 'write', 'none'],
    drives: ['read', 'write', 'none'],
    'id-token': ['write', 'none'],
    issues: ['read', 'write', 'none'],
    models: ['read', 'none'],
    packages: ['read', 'write', 'none'],
    pages: ['read', 'write', 'none'],
    'pull-requests': ['read', 'write', 'none'],
    'repository-projects': ['read', 'write', 'none'],
    'security-events': ['read', 'write', 'none'],
    statuses: ['read', 'write', 'none'],
    'vulnerability-alerts': ['read', 'none'],
};
/** Scopes whose write only lets a token talk (comment, label, report status). */
const CONVERSATION_SCOPES = [
    'issues',
    'pull-requests',
    'discussions',
    'statuses',
    'checks',
];
function expand(level) {
    const scopes = {};
    for (const [scope, levels] of Object.entries(PERMISSION_SCOPES)) {
        scopes[scope] = levels.includes(level) ? level : 'none';
    }
    return scopes;
}
/** The token a job gets when nothing is declared (github_token-reference, Nov 2026). */
function repositoryDefault(mode) {
    if (mode === 'write') {
        return {
            ...expand('write'),
            'id-token': 'none',
            models: 'read',
            'copilot-requests': 'none',
            'vulnerability-alerts': 'none',
            drives: 'none',
            'code-quality': 'none',
            'artifact-metadata': 'none',
        };
    }
    const none = {};
    for (const scope of Object.keys(PERMISSION_SCOPES))
        none[scope] = 'none';
    return { ...none, contents: 'read', packages: 'read' };
}
function fromBlock(block) {
    if (block.kind === 'read-all')
        return expand('read');
    if (block.kind === 'write-all')
        return expand('write');
    const scopes = {};
    for (const scope of Object.keys(PERMISSION_SCOPES))
        scopes[scope] = 'none';
    // Unknown scopes are kept as written: a newer scope must not silently vanish.
    return { ...scopes, ...block.scopes };
}
function effectivePermissions(workflow, job, context) {
    const block = job.permissions ?? workflow.permissions;
    if (block) {
        return {
            source: job.permissions ? 'job' : 'workflow',
            scopes: fromBlock(block),
            assumed: false,
            at: locate(workflow.source, block.at),
        };
    }
    const mode = context.defaultPermissions === 'read' ? 'read' : 'write';
    return {
        source: 'default',
        scopes: repositoryDefault(mode),
        assumed: context.defaultPermissions === 'unknown',
        at: locate(workflow.source, job.at, { key: true }),
    };
}
function writeScopes(permissions) {
    return Object.entries(permissions.scopes)
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope)
        .sort();
}

;// CONCATENATED MODULE: ./src/inventory/uses.ts
const FULL_SHA = /^[0-9a-f]{40}$/i;
function parseUses(raw, options) {
    const value = raw.trim();
    const base = { raw: value, step: options.step, at: options.at };
    if (value.startsWith('docker://')) {
        const image = value.slice('docker://'.length);
        return {
            ...base,
            kind: 'docker',
            name: image.split('@')[0] ?? image,
            ref: undefined,
            pinned: /@sha256:[0-9a-f]{64}$/i.test(image),
        };
    }
    if (value.startsWith('./') || value.startsWith('../') || value.startsWith('$/')) {
        // Local: the code comes from the same checkout as the workflow.
        return { ...base, kind: 'local', name: value, ref: undefined, pinned: true };
    }
    const at = value.lastIndexOf('@');
    const name = at > 0 ? value.slice(0, at) : value;
    const ref = at > 0 ? value.slice(at + 1) : undefined;
    const reusable = options.jobLevel || /\/\.github\/workflows\/[^/]+\.ya?ml$/i.test(name);
    return {
        ...base,
        kind: reusable ? 'reusable-workflow' : 'action',
        name,
        ref,
        pinned: ref !== undefined && FULL_SHA.test(ref),
    };
}
/** `owner/repo/path` → lower-case name for prefix matching against catalogs. */
function normalizeActionName(name) {
    return name.toLowerCase().replace(/\/+$/, '');
}
/** True when `name` is `prefix` or lies under it (`owner/repo` covers `owner/repo/sub`). */
function actionMatches(name, prefix) {
    const n = normalizeActionName(name);
    const p = normalizeActionName(prefix);
    return n === p || n.startsWith(`${p}/`);
}

;// CONCATENATED MODULE: ./src/inventory/action-paths.ts
/**
 * Derives the action paths of a job — each occurrence of an action class with the evidence
 * that put it there and the credentials it can use — from permissions, credentials, steps,
 * commands, environment and changed files. The inventory issue adds tools and targets.
 */








function buildActionPaths(input) {
    const drafts = [
        {
            class: 'read',
            reason: 'reads the repository',
            at: locate(input.workflow.source, input.job.at, { key: true }),
            credentials: ['github-token'],
            step: undefined,
            uses: undefined,
            target: undefined,
        },
        ...fromPermissions(input),
        ...fromCredentials(input),
        ...fromEnvironment(input),
        ...fromSteps(input),
        ...fromChangedFiles(input),
    ];
    const counters = new Map();
    return drafts.map((d) => {
        const n = (counters.get(d.class) ?? 0) + 1;
        counters.set(d.class, n);
        return { ...d, id: `${input.job.id}/${d.class}/${n}`, job: input.job.id };
    });
}
function draft(cls, reason, at, credentials, extra = {}) {
    return {
        class: cls,
        reason,
        at,
        credentials,
        step: undefined,
        uses: undefined,
        target: undefined,
        ...extra,
    };
}
/** Scopes that by themselves let the token act. */
function fromPermissions({ permissions }) {
    const writes = new Set(writeScopes(permissions));
    const at = permissions.at;
    const how = permissions.source === 'default' ? ' (repository default token)' : '';
    const out = [];
    const comment = CONVERSATION_SCOPES.filter((s) => writes.has(s) && s !== 'statuses' && s !== 'checks');
    if (comment.length > 0)
        out.push(draft('comment', `GITHUB_TOKEN can write ${comment.join(', ')}${how}`, at, ['github-token']));
    if (writes.has('contents'))
        out.push(draft('write-branch', `GITHUB_TOKEN has contents: write${how}`, at, ['github-token'], {
            target: 'github:branches',
        }));
    if (writes.has('actions'))
        out.push(draft('modify-workflow', `GITHUB_TOKEN has actions: write${how}`, at, ['github-token']));
    if (writes.has('packages'))
        out.push(draft('publish', `GITHUB_TOKEN has packages: write${how}`, at, ['github-token'], {
            target: 'registry:github-packages',
        }));
    if (writes.has('deployments'))
        out.push(draft('deploy', `GITHUB_TOKEN has deployments: write${how}`, at, ['github-token']));
    if (writes.has('pages'))
        out.push(draft('deploy', `GITHUB_TOKEN has pages: write${how}`, at, ['github-token'], {
            target: 'github:pages',
        }));
    return out;
}
function fromCredentials({ credentials }) {
    const out = [];
    for (const c of credentials) {
        if (c.kind === 'github-token')
            continue;
        if (c.kind === 'oidc') {
            out.push(draft('cloud-credential', 'id-token: write lets any step mint an OIDC token', c.at, [c.id], { target: c.reaches[0] }));
            continue;
        }
        out.push(draft('use-secret', `uses ${c.kind === 'inherited-secrets' ? 'all inherited secrets' : `secret ${c.name}`} (${c.note})`, c.at, [c.id], { target: c.reaches[0] }));
        if (c.reaches.includes('cloud:static-key'))
            out.push(draft('cloud-credential', `static cloud key ${c.name}`, c.at, [c.id], {
                target: 'cloud:static-key',
            }));
    }
    return out;
}
function fromEnvironment({ environment, productionPatterns }) {
    if (!environment)
        return [];
    const out = [
        draft('deploy', `runs in environment ${environment.name}`, environment.at, ['github-token'], {
            target: `environment:${environment.name}`,
        }),
    ];
    if (environment.dynamic) {
        out.push(draft('production', `environment name is computed at run time (${environment.name}); treated as production`, environment.at, ['github-token'], { target: `environment:${environment.name}` }));
    }
    else if (nameLooksLike(environment.name, productionPatterns)) {
        out.push(draft('production', `environment ${environment.name} matches the production patterns`, environment.at, ['github-token'], { target: `environment:${environment.name}` }));
    }
    return out;
}
function fromSteps(input) {
    const out = [];
    let persistedToken = false;
    for (const step of input.job.steps) {
        const creds = stepCredentials(input, step, persistedToken);
        out.push(...toolReach(input, step, creds));
        if (step.uses) {
            out.push(...fromUsesStep(input, step, creds));
            if (/^actions\/checkout@/i.test(step.uses) &&
                !step.with.some((w) => w.key === 'persist-credentials' && w.value === 'false')) {
                persistedToken = true;
            }
        }
        if (step.run !== undefined) {
            const at = locate(input.workflow.source, [...step.at, 'run']);
            out.push(draft('run-shell', `runs a shell script${step.name ? ` (${step.name})` : ''}`, at, creds, {
                step: step.index,
            }));
            const classified = classifyScript(step.run, {
                defaultBranch: branchOrDefault(input.context),
            });
            for (const hit of classified.hits) {
                if (hit.class === 'untrusted-checkout')
                    continue;
                const hitAt = locateInScalar(input.workflow.source, [...step.at, 'run'], hit.line, hit.column);
                out.push(draft(hit.class, `${hit.detail}: \`${hit.command}\``, hitAt, creds, {
                    step: step.index,
                    target: hit.target,
                }));
            }
            if (classified.truncated) {
                out.push(draft('destructive', 'script too large or complex to analyse; treated as destructive', at, creds, { step: step.index }));
            }
        }
    }
    if (input.job.uses) {
        const creds = input.credentials.map((c) => c.id);
        out.push(draft('run-shell', `calls reusable workflow ${input.job.uses} (its steps are not analysed here)`, locate(input.workflow.source, [...input.job.at, 'uses']), creds, { uses: input.job.uses }));
    }
    return out;
}
function fromUsesStep(input, step, creds) {
    const name = step.uses?.split('@')[0] ?? '';
    const at = locate(input.workflow.source, [...step.at, 'uses']);
    const out = [];
    for (const entry of ACTION_TABLE) {
        if (!actionMatches(name, entry.action))
            continue;
        if (entry.whenInput) {
            const v = step.with.find((w) => w.key === entry.whenInput)?.value;
            if (v === undefined || (v !== 'true' && !isDynamic(v)))
                continue;
        }
        out.push(draft(entry.class, `${name} ${entry.detail}`, at, creds, {
            step: step.index,
            uses: step.uses,
            target: entry.target,
        }));
    }
    return out;
}
/** MCP servers configured for an agent on this step (inline inputs or CLI flags). */
const MCP_CONFIG = /--mcp-config\b|"?mcpServers"?\s*:|\bmcp_servers\b|^mcp[-_]?config$/m;
function toolReach(input, step, creds) {
    if (!input.agents.some((a) => a.step === step.index))
        return [];
    const sources = [
        ...step.with.map((w) => ({
            text: `${w.key === 'mcp_config' ? 'mcp_config' : ''}\n${w.value}`,
            at: w.at,
        })),
        { text: step.run ?? '', at: [...step.at, 'run'] },
    ];
    const hit = sources.find((s) => MCP_CONFIG.test(s.text));
    if (!hit)
        return [];
    return [
        draft('call-tool', 'the agent is given MCP servers (tools) in this step', locate(input.workflow.source, hit.at), creds, { step: step.index }),
    ];
}
/** Credential ids a step can use. Actions get the job token by default (their inputs default to it). */
function stepCredentials(input, step, persistedToken) {
    const ids = new Set();
    const text = [
        step.run ?? '',
        ...step.with.map((w) => w.value),
        ...step.env.map((e) => e.value),
    ].join('\n');
    if (step.uses || persistedToken || referencesGithubToken(text))
        ids.add('github-token');
    for (const use of input.secretUses) {
        if (use.reach === 'job' || use.reach === step.index) {
            ids.add(use.name === '*' ? 'secrets:*' : `secret:${use.name}`);
        }
    }
    for (const c of input.credentials) {
        if (c.kind === 'oidc' || c.kind === 'inherited-secrets')
            ids.add(c.id);
        if (c.kind === 'app-token' && /steps\.[\w-]+\.outputs\.token/.test(text))
            ids.add(c.id);
    }
    return [...ids].filter((id) => input.credentials.some((c) => c.id === id));
}
function fromChangedFiles({ context, workflow, job }) {
    if (!context.changedFiles)
        return [];
    const at = locate(workflow.source, job.at, { key: true });
    return sensitiveChanges(context.changedFiles, context.policyFile).map((c) => draft('modify-workflow', `the pull request changes ${c.what}: ${c.file}`, at, ['github-token'], { target: `file:${c.file}` }));
}
function branchOrDefault(context) {
    return context.defaultBranch;
}

;// CONCATENATED MODULE: ./src/inventory/agents-catalog.json
const agents_catalog_namespaceObject = /*#__PURE__*/JSON.parse('{"X":[{"id":"claude-code-action","vendor":"Anthropic","product":"Claude Code GitHub Action (v1; v0.x/@beta legacy inputs also listed)","uses":["anthropics/claude-code-action"],"cli_patterns":["anthropics/claude-code-action(?:/[\\\\w./-]+)?@"],"secret_env":["ANTHROPIC_API_KEY","CLAUDE_CODE_OAUTH_TOKEN","AWS_BEARER_TOKEN_BEDROCK","ANTHROPIC_FEDERATION_RULE_ID"],"authority_knobs":[{"name":"allowed_bots","kind":"input","risky_values":["*","<any non-empty list>"],"meaning":"Bots allowed to trigger. Allowed bots are NOT checked for repo permissions; \'*\' lets any App (incl. external) invoke with its own prompt on public repos.","default":""},{"name":"allowed_non_write_users","kind":"input","risky_values":["*","<any non-empty list>"],"meaning":"Bypasses the write-permission check for listed users (only with github_token input). Enables best-effort subprocess env scrub.","default":""},{"name":"github_token","kind":"input","risky_values":["${{ secrets.<PAT> }}","<any value other than secrets.GITHUB_TOKEN / github.token>"],"meaning":"Token used instead of the Claude GitHub App token. Docs: do not use a PAT (static token recoverable via prompt injection).","default":""},{"name":"<absent github_token> + permissions.id-token: write","kind":"setting","risky_values":["present"],"meaning":"When github_token is empty the action exchanges the job OIDC token at api.anthropic.com for a Claude App installation token with contents/pull_requests/issues = write (plus additional_permissions). That authority is NOT bounded by the job\'s permissions: block.","default":"App token exchange"},{"name":"additional_permissions","kind":"input","risky_values":["workflows: write","actions: write","discussions: write","<any write>"],"meaning":"Extra permissions requested for the App token (actions/checks/discussions/workflows) on top of contents/pull_requests/issues write.","default":""},{"name":"claude_args","kind":"input","risky_values":["--dangerously-skip-permissions","--permission-mode bypassPermissions","--permission-mode dontAsk","--allowedTools with bare Bash / Bash(*) / Bash(:*)","--mcp-config <remote url or command>","--add-dir <path>","--setting-sources including project"],"meaning":"Raw Claude CLI args (v1 replacement for allowed_tools/disallowed_tools/mcp_config/max_turns/model). Parsed by the SDK; --allowedTools/--disallowedTools accumulate.","default":"","detect":"--dangerously-skip-permissions|--permission-mode[=\\\\s]+[\'\\\\\\"]?(?:bypassPermissions|dontAsk)|--allowed-?[Tt]ools[=\\\\s]+[\'\\\\\\"]?[^\'\\\\\\"\\\\n]*\\\\bBash\\\\b(?!\\\\()|--mcp-config"},{"name":"settings","kind":"input","risky_values":["permissions.defaultMode: bypassPermissions","permissions.allow: [\\"Bash\\"|\\"Bash(*)\\"]","hooks.*.command","env.<SECRET>","sandbox.enabled: false","apiKeyHelper"],"meaning":"Claude Code settings JSON (or path) merged into ~/.claude/settings.json; the action always forces enableAllProjectMcpServers=true.","default":""},{"name":"prompt","kind":"input","risky_values":["${{ github.event.*.body }}","${{ github.event.*.title }}"],"meaning":"Non-empty prompt => agent (automation) mode: no trigger phrase needed, no tracking comment. Untrusted event text in prompt = prompt injection.","default":""},{"name":"trigger_phrase / label_trigger / assignee_trigger","kind":"input","risky_values":[],"meaning":"Tag-mode triggers (defaults \'@claude\' / \'claude\' label). Write-access check still applies.","default":"@claude / claude"},{"name":"use_commit_signing","kind":"input","risky_values":["false"],"meaning":"When false commits are made with git CLI and are unsigned.","default":"false"},{"name":"ssh_signing_key / bot_id / bot_name","kind":"input","risky_values":["<custom identity>"],"meaning":"Git identity; default bot_name claude[bot] with bot_id 41898282 (that numeric id is github-actions[bot]\'s).","default":"claude[bot] / 41898282"},{"name":"plugins / plugin_marketplaces","kind":"input","risky_values":["<any>"],"meaning":"Installs third-party Claude Code plugins (code) before the run.","default":""},{"name":"path_to_claude_code_executable / path_to_bun_executable","kind":"input","risky_values":["<any>"],"meaning":"Replaces the agent binary.","default":""},{"name":"show_full_output / display_report","kind":"input","risky_values":["true"],"meaning":"Leaks tool outputs (may include secrets) to public logs / step summary.","default":"false"},{"name":"include_comments_by_actor / exclude_comments_by_actor","kind":"input","risky_values":[""],"meaning":"Which actors\' comments are fed to Claude (prompt-injection surface).","default":""},{"name":"use_bedrock / use_vertex / use_foundry","kind":"input","risky_values":["true"],"meaning":"Cloud provider auth via OIDC (requires id-token: write + cloud creds in env).","default":"false"},{"name":"env:CLAUDE_CODE_SUBPROCESS_ENV_SCRUB","kind":"setting","risky_values":["0"],"meaning":"Opt-out of the secret scrub that allowed_non_write_users enables.","default":"1 when allowed_non_write_users set"},{"name":"allowed_tools / disallowed_tools / mcp_config / claude_env / direct_prompt / mode / custom_instructions / max_turns / model / timeout_minutes","kind":"input","risky_values":["allowed_tools containing Bash","mcp_config <any>","mode: agent","direct_prompt <untrusted>"],"meaning":"v0.x / @beta inputs (removed in v1; GitHub only warns \'Unexpected input\' if used with @v1).","default":""}],"defaults_note":"Tag mode (@claude) runs with --permission-mode acceptEdits and --allowedTools Glob,Grep,LS,Read,mcp__github_comment__update_claude_comment,mcp__github_ci__* and git add/commit/rm + a git-push wrapper (or mcp__github_file_ops__* when use_commit_signing). No arbitrary Bash by default. Actor must have write access; bots denied unless allowed_bots. On PRs it restores .claude/, .mcp.json, .claude.json, CLAUDE.md, CLAUDE.local.md, .gitmodules, .ripgreprc, .husky/ from the base branch.","bot_logins":["claude[bot]","claude-code[bot]"],"commit_identities":["claude[bot] <41898282+claude[bot]@users.noreply.github.com> (action default bot_id/bot_name)","claude[bot] <209825114+claude[bot]@users.noreply.github.com> (App identity, community-observed)","Co-Authored-By: Claude <noreply@anthropic.com> (Claude Code trailer)"],"config_files":[".claude/settings.json",".claude/settings.local.json",".mcp.json",".claude.json","CLAUDE.md","CLAUDE.local.md",".claude/agents/*.md",".claude/commands/*.md",".claude/skills/**"],"sources":["github.com/anthropics/claude-code-action action.yml @24dcd50 (2026-08-22)","anthropics/claude-code-action docs/security.md, docs/configuration.md, docs/migration-guide.md","anthropics/claude-code-action src/modes/tag/index.ts, src/modes/agent/index.ts, src/github/token.ts, src/github/constants.ts, src/github/validation/permissions.ts, src/mcp/install-mcp-server.ts","anthropics/claude-code-action base-action/src/setup-claude-code-settings.ts, base-action/src/parse-sdk-options.ts","anthropics/claude-code-action action.yml at 0630ef38^ (v0.x inputs)","anthropics/claude-code-action agent-approval-check/agent-identities.example.yaml"],"evidence":"P"},{"id":"claude-code-base-action","vendor":"Anthropic","product":"Claude Code Base Action (thin wrapper, no trust boundary)","uses":["anthropics/claude-code-base-action","anthropics/claude-code-action/base-action"],"cli_patterns":["anthropics/claude-code-(?:base-action|action/base-action)@"],"secret_env":["ANTHROPIC_API_KEY","CLAUDE_CODE_OAUTH_TOKEN"],"authority_knobs":[{"name":"claude_args","kind":"input","risky_values":["--dangerously-skip-permissions","--permission-mode bypassPermissions","--allowedTools with bare Bash","--mcp-config"],"meaning":"Same semantics as claude-code-action.","default":""},{"name":"settings","kind":"input","risky_values":["permissions.defaultMode: bypassPermissions","permissions.allow with Bash"],"meaning":"Merged into ~/.claude/settings.json; enableAllProjectMcpServers forced true.","default":""},{"name":"prompt / prompt_file","kind":"input","risky_values":["<untrusted event text>"],"meaning":"Runs immediately; no actor permission check, no base-branch config restore.","default":""},{"name":"plugins / plugin_marketplaces / path_to_claude_code_executable","kind":"input","risky_values":["<any>"],"meaning":"Third-party code / replaced binary.","default":""}],"defaults_note":"README \'Trust model\': does not enforce any trust boundary, reads .claude/, CLAUDE.md, .mcp.json from the working directory; caller must ensure workdir and prompt are trusted. Authority = job GITHUB_TOKEN permissions + whatever tools claude_args/settings allow.","bot_logins":[],"config_files":[".claude/settings.json",".mcp.json","CLAUDE.md"],"sources":["anthropics/claude-code-action base-action/action.yml, base-action/README.md (Trust model)"],"evidence":"P"},{"id":"claude-code-cli","vendor":"Anthropic","product":"Claude Code CLI in run: steps","uses":[],"cli_patterns":["@anthropic-ai/claude-code\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])claude\\\\b(?:[^\\\\n]*?)\\\\s(?:-p|--print)\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])claude\\\\b[^\\\\n]*--dangerously-skip-permissions"],"secret_env":["ANTHROPIC_API_KEY","CLAUDE_CODE_OAUTH_TOKEN","ANTHROPIC_AUTH_TOKEN"],"authority_knobs":[{"name":"--dangerously-skip-permissions","kind":"flag","risky_values":["present"],"meaning":"Equivalent to --permission-mode bypassPermissions: no permission checks.","detect":"--dangerously-skip-permissions\\\\b"},{"name":"--permission-mode","kind":"flag","risky_values":["bypassPermissions","auto","dontAsk(allow-list only; safe-ish)","acceptEdits"],"meaning":"default|acceptEdits|plan|auto|dontAsk|bypassPermissions. In -p mode anything that would \'ask\' is denied.","default":"default","detect":"--permission-mode[=\\\\s]+[\'\\\\\\"]?(\\\\w+)"},{"name":"--allowedTools / --allowed-tools","kind":"flag","risky_values":["Bash","Bash(*)","Bash(:*)","Write/Edit outside workspace","mcp__<server> (whole server)"],"meaning":"Tools auto-approved. Scoped forms like Bash(npm test:*) are narrower.","detect":"--allowed-?[Tt]ools[=\\\\s]+(?:\'[^\']*\'|\\\\\\"[^\\\\\\"]*\\\\\\"|\\\\S+)"},{"name":"--disallowedTools / --disallowed-tools","kind":"flag","risky_values":[],"meaning":"Deny list (reduces authority)."},{"name":"--mcp-config","kind":"flag","risky_values":["<file or JSON with url/command/env secrets>"],"meaning":"Adds MCP servers (tool reach).","detect":"--mcp-config[=\\\\s]+(?:\'[^\']*\'|\\\\\\"[^\\\\\\"]*\\\\\\"|\\\\S+)"},{"name":"--strict-mcp-config","kind":"flag","risky_values":["absent"],"meaning":"When absent, project .mcp.json / user MCP config are also loaded."},{"name":"--add-dir","kind":"flag","risky_values":["/","$HOME","<outside workspace>"],"meaning":"Extends writable/readable dirs."},{"name":"--settings / --setting-sources","kind":"flag","risky_values":["project (loads repo-controlled .claude/settings.json)"],"meaning":"Which settings files apply (user,project,local)."},{"name":"permissions.defaultMode","kind":"setting","risky_values":["bypassPermissions","auto"],"meaning":"Default permission mode from settings files."},{"name":"permissions.allow / ask / deny","kind":"setting","risky_values":["allow: Bash","allow: Bash(*)","allow: WebFetch","deny: [] "],"meaning":"Rule lists; deny beats allow."},{"name":"permissions.disableBypassPermissionsMode","kind":"setting","risky_values":["absent"],"meaning":"\'disable\' prevents bypass mode (managed/enterprise)."},{"name":"enableAllProjectMcpServers / enabledMcpjsonServers","kind":"setting","risky_values":["true"],"meaning":"Auto-approves servers from the repo .mcp.json."},{"name":"sandbox.enabled / autoAllowBashIfSandboxed / excludedCommands / allowUnsandboxedCommands / network.allowedDomains / failIfUnavailable","kind":"setting","risky_values":["enabled: false","allowUnsandboxedCommands: true","network.allowedDomains: [\\"*\\"]","failIfUnavailable: false"],"meaning":"OS-level Bash sandbox (bubblewrap/seatbelt); default off; falls back to unsandboxed if deps missing unless failIfUnavailable."},{"name":"hooks / apiKeyHelper / statusLine","kind":"setting","risky_values":["<any command>"],"meaning":"Shell commands executed by Claude Code itself (repo-controlled if project settings are loaded)."}],"bot_logins":[],"config_files":["~/.claude/settings.json",".claude/settings.json",".claude/settings.local.json","managed-settings.json",".mcp.json","~/.claude.json","CLAUDE.md"],"sources":["docs.rs claude-code-settings 0.1.0 src/permissions.rs & src/sandbox.rs (mirrors code.claude.com/docs/en/settings-reference)","code.claude.com/docs/en/sandboxing.md","dev.to permission-modes comparison (default, acceptEdits, plan, auto, dontAsk, bypassPermissions)","github/gh-aw pkg/workflow/claude_engine.go (--print --allowed-tools --permission-mode acceptEdits --strict-mcp-config)"],"evidence":"D/C"},{"id":"codex-action","vendor":"OpenAI","product":"openai/codex-action (runs `codex exec`)","uses":["openai/codex-action"],"cli_patterns":["openai/codex-action@"],"secret_env":["OPENAI_API_KEY","CODEX_API_KEY"],"authority_knobs":[{"name":"sandbox","kind":"input","risky_values":["danger-full-access"],"meaning":"Passed as `codex exec --sandbox`. workspace-write (default) = writes inside workspace, network off; read-only; danger-full-access = no sandbox.","default":"workspace-write"},{"name":"safety-strategy","kind":"input","risky_values":["unsafe","read-only (still runs as sudo-capable user)"],"meaning":"drop-sudo (default, irreversible for the job) | unprivileged-user (needs codex-user) | read-only (forces sandbox read-only) | unsafe (no privilege reduction; Windows only option).","default":"drop-sudo"},{"name":"codex-args","kind":"input","risky_values":["--dangerously-bypass-approvals-and-sandbox","--yolo","--sandbox danger-full-access","-c sandbox_workspace_write.network_access=true","-c approval_policy=...","--full-auto","--add-dir"],"meaning":"Extra args appended before the action\'s own --sandbox flag (JSON array or shell string).","default":"","detect":"--dangerously-bypass-approvals-and-sandbox|--yolo\\\\b|danger-full-access|network_access\\\\s*=\\\\s*true"},{"name":"allow-users","kind":"input","risky_values":["*","<any non-empty>"],"meaning":"Users without write access allowed to run it.","default":""},{"name":"allow-bots","kind":"input","risky_values":["true"],"meaning":"Lets github-actions[bot] bypass the write-access check.","default":"false"},{"name":"allow-bot-users","kind":"input","risky_values":["<any non-empty>"],"meaning":"Named bots bypass the write-access check (\'*\' rejected).","default":""},{"name":"codex-home","kind":"input","risky_values":["<path with config.toml containing mcp_servers / sandbox overrides>"],"meaning":"CODEX_HOME (config.toml, MCP servers).","default":""},{"name":"openai-api-key / responses-api-endpoint","kind":"input","risky_values":["<non-OpenAI endpoint>"],"meaning":"Key is held by a local Responses API proxy; Codex talks to 127.0.0.1.","default":""},{"name":"working-directory","kind":"input","risky_values":["<outside checkout>"],"meaning":"--cd for codex exec.","default":"github.workspace"},{"name":"prompt / prompt-file","kind":"input","risky_values":["${{ github.event.*.body }}"],"meaning":"Untrusted event text in the prompt.","default":""}],"defaults_note":"Write-access check on GITHUB_ACTOR first. Runs `codex exec --skip-git-repo-check --cd <dir> --output-last-message <f> [codex-args] --sandbox <mode>`. On GitHub-hosted Linux it enables unprivileged user namespaces for bubblewrap. Docs recommend running it as the last step of a job and posting results from a separate job.","bot_logins":["github-actions[bot]","chatgpt-codex-connector[bot]"],"config_files":["$CODEX_HOME/config.toml (~/.codex/config.toml)",".codex/config.toml (trusted projects)","AGENTS.md","AGENTS.override.md"],"sources":["github.com/openai/codex-action action.yml, README.md, docs/security.md @9cdb6f3 (2026-05-14)","openai/codex-action src/runCodexExec.ts, src/checkActorPermissions.ts, src/writeProxyConfig.ts"],"bot_login_notes":{"github-actions[bot]":"when example post job comments","chatgpt-codex-connector[bot]":"Codex cloud reviews, not this action"},"evidence":"P"},{"id":"codex-cli","vendor":"OpenAI","product":"Codex CLI (`codex exec`) in run: steps","uses":[],"cli_patterns":["@openai/codex\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])codex\\\\s+(?:[^\\\\n]*\\\\s)?exec\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])codex\\\\b[^\\\\n]*--dangerously-bypass-approvals-and-sandbox"],"secret_env":["OPENAI_API_KEY","CODEX_API_KEY"],"authority_knobs":[{"name":"--dangerously-bypass-approvals-and-sandbox / --yolo","kind":"flag","risky_values":["present"],"meaning":"No sandbox and no approvals.","detect":"--dangerously-bypass-approvals-and-sandbox|--yolo\\\\b"},{"name":"-s / --sandbox","kind":"flag","risky_values":["danger-full-access"],"meaning":"read-only | workspace-write | danger-full-access. codex exec defaults to read-only.","default":"read-only","detect":"(?:-s|--sandbox)[=\\\\s]+[\'\\\\\\"]?(read-only|workspace-write|danger-full-access)"},{"name":"--full-auto","kind":"flag","risky_values":["present"],"meaning":"= --sandbox workspace-write + -a on-request (deprecated for exec in newer versions)."},{"name":"-a / --ask-for-approval","kind":"flag","risky_values":["never (with danger-full-access)"],"meaning":"untrusted | on-failure | on-request | never."},{"name":"-c / --config key=value","kind":"flag","risky_values":["sandbox_workspace_write.network_access=true","sandbox_mode=\\"danger-full-access\\"","approval_policy=\\"never\\"","mcp_servers.*"],"meaning":"Inline config.toml overrides."},{"name":"--add-dir","kind":"flag","risky_values":["<outside workspace>"],"meaning":"Extra writable roots."},{"name":"sandbox_mode / approval_policy / [sandbox_workspace_write].network_access / writable_roots / shell_environment_policy","kind":"setting","risky_values":["danger-full-access","never","network_access = true","shell_environment_policy.inherit = \\"all\\""],"meaning":"config.toml equivalents."},{"name":"[mcp_servers.<name>] command/args/env/url/bearer_token_env_var/enabled_tools/disabled_tools","kind":"setting","risky_values":["url (remote)","env with secrets"],"meaning":"MCP tool reach."},{"name":"[projects.\\"<path>\\"].trust_level","kind":"setting","risky_values":["trusted"],"meaning":"Marks a directory trusted (enables project .codex/config.toml)."}],"bot_logins":[],"config_files":["~/.codex/config.toml",".codex/config.toml","AGENTS.md"],"sources":["raw.githubusercontent.com/openai/codex/rust-v0.66.0/docs/sandbox.md (flags table)","github.com/openai/codex/pull/4583 (exec defaults to read-only)","developers.openai.com/codex/noninteractive.md","mintlify.com/openai/codex/configuration/mcp-servers","github.com/openai/codex/issues/20195 (enabled_tools/disabled_tools)"],"evidence":"D"},{"id":"run-gemini-cli","vendor":"Google","product":"google-github-actions/run-gemini-cli","uses":["google-github-actions/run-gemini-cli"],"cli_patterns":["google-github-actions/run-gemini-cli@"],"secret_env":["GEMINI_API_KEY","GOOGLE_API_KEY","GITHUB_TOKEN (passed to github MCP server)"],"authority_knobs":[{"name":"<always> gemini --yolo","kind":"setting","risky_values":["always"],"meaning":"The action ALWAYS runs `gemini --yolo --prompt ... --output-format json`: every permitted tool auto-approved. Authority is therefore decided entirely by settings.tools.* and mcpServers.","default":"--yolo"},{"name":"settings","kind":"input","risky_values":["tools.core absent (=all built-in tools incl. unrestricted run_shell_command)","tools.core contains run_shell_command without (cmd)","mcpServers.*.trust: true","mcpServers with url/httpUrl","mcpServers.*.env GITHUB_PERSONAL_ACCESS_TOKEN","security.folderTrust disabled"],"meaning":"JSON written to .gemini/settings.json (project settings).","default":"(none)"},{"name":"extensions","kind":"input","risky_values":["<any>"],"meaning":"JSON array of extension repos installed via `gemini extensions install` (third-party code, may add MCP servers).","default":""},{"name":"gemini_cli_version","kind":"input","risky_values":["<git branch/tag/sha>","nightly","preview"],"meaning":"Non-semver values clone and build google-gemini/gemini-cli at that ref.","default":"latest"},{"name":"gcp_workload_identity_provider / gcp_service_account / use_vertex_ai / use_gemini_code_assist","kind":"input","risky_values":["set"],"meaning":"Uses google-github-actions/auth (requires id-token: write) and mints a GCP token.","default":""},{"name":"gcp_access_token_scopes","kind":"input","risky_values":["https://www.googleapis.com/auth/cloud-platform"],"meaning":"Default scopes include cloud-platform (broad GCP authority for the minted token).","default":"cloud-platform,userinfo.email,userinfo.profile"},{"name":"gemini_debug","kind":"input","risky_values":["true"],"meaning":"Streams responses to logs.","default":"false"},{"name":"env:GEMINI_CLI_TRUST_WORKSPACE","kind":"setting","risky_values":["true (on untrusted data)"],"meaning":"Trusts the workspace in headless mode (needed since CLI 0.39.1); docs: only after hardening for untrusted data."},{"name":"prompt","kind":"input","risky_values":["${{ github.event.*.body }}"],"meaning":"Untrusted text (examples pass it via .gemini/context.json).","default":"You are a helpful assistant."}],"defaults_note":"Examples use job permissions contents: read, issues: write, pull-requests: write, id-token: write, optionally a GitHub App token (actions/create-github-app-token) passed as GITHUB_TOKEN to a docker github-mcp-server with includeTools allowlist, and tools.core restricted to run_shell_command(cat|echo|grep|head|tail).","bot_logins":["github-actions[bot]"],"config_files":[".gemini/settings.json",".gemini/commands/*.toml","GEMINI.md","~/.gemini/settings.json","/etc/gemini-cli/settings.json"],"sources":["github.com/google-github-actions/run-gemini-cli action.yml @3ca2577 (2026-04-27)","run-gemini-cli docs/trust-guidance.md, examples/workflows/CONFIGURATION.md, examples/workflows/pr-review/gemini-review.yml, .github/workflows/gemini-invoke.yml"],"bot_login_notes":{"github-actions[bot]":"default GITHUB_TOKEN identity; examples may instead mint a GitHub App token -> <app>[bot]"},"evidence":"P"},{"id":"gemini-cli","vendor":"Google","product":"Gemini CLI in run: steps","uses":[],"cli_patterns":["@google/gemini-cli\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])gemini\\\\b(?:[^\\\\n]*?)\\\\s(?:-p|--prompt)\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])gemini\\\\b[^\\\\n]*(?:--yolo|\\\\s-y\\\\b|--approval-mode)"],"secret_env":["GEMINI_API_KEY","GOOGLE_API_KEY","GOOGLE_APPLICATION_CREDENTIALS"],"authority_knobs":[{"name":"-y / --yolo","kind":"flag","risky_values":["present"],"meaning":"Auto-accept all actions (deprecated in favour of --approval-mode=yolo).","detect":"--yolo\\\\b|\\\\s-y\\\\b"},{"name":"--approval-mode","kind":"flag","risky_values":["yolo","auto_edit"],"meaning":"default | auto_edit | plan | yolo.","default":"default","detect":"--approval-mode[=\\\\s]+(\\\\w+)"},{"name":"--allowed-tools","kind":"flag","risky_values":["run_shell_command","<broad>"],"meaning":"Tools that bypass confirmation."},{"name":"--allowed-mcp-server-names","kind":"flag","risky_values":[],"meaning":"Restricts MCP servers."},{"name":"-s / --sandbox","kind":"flag","risky_values":["absent"],"meaning":"Container/seatbelt sandbox (off by default; YOLO does not enable it)."},{"name":"--skip-trust","kind":"flag","risky_values":["present"],"meaning":"Trusts the current workspace for the run."},{"name":"tools.core / tools.exclude / tools.allowed","kind":"setting","risky_values":["core absent","allowed: [run_shell_command]"],"meaning":"Built-in tool allowlist / denylist / no-confirm list."},{"name":"mcpServers.<name>.{command,args,env,cwd,url,httpUrl,headers,trust,includeTools,excludeTools}","kind":"setting","risky_values":["trust: true","url/httpUrl remote","env secrets"],"meaning":"MCP tool reach; trust bypasses confirmations."},{"name":"security.disableYoloMode / general.defaultApprovalMode / security.folderTrust","kind":"setting","risky_values":["disableYoloMode false"],"meaning":"Admin knobs; YOLO cannot be enabled from settings."}],"bot_logins":["gemini-cli[bot]"],"config_files":[".gemini/settings.json","~/.gemini/settings.json","GEMINI.md",".gemini/extensions/"],"sources":["dev.to gemini-cli YOLO source read (2026)","gemini --help excerpt (dev.to)","geminicli.com/docs/core/concepts","raw.githubusercontent.com/google-gemini/gemini-cli/main/docs/tools/mcp-server.md","tessl registry npm-google--gemini-cli MCPServerConfig"],"bot_login_notes":{"gemini-cli[bot]":"community list, unverified"},"evidence":"D/C"},{"id":"copilot-coding-agent","vendor":"GitHub","product":"Copilot coding agent / cloud agent (runs as a GitHub Actions dynamic workflow)","uses":[],"cli_patterns":["^\\\\s{2}copilot-setup-steps\\\\s*:","dynamic/copilot-swe-agent/copilot"],"workflow_markers":["file .github/workflows/copilot-setup-steps.yml with a single job named copilot-setup-steps","run path dynamic/copilot-swe-agent/copilot, event \'dynamic\', workflow name \'Copilot coding agent\' / \'Copilot cloud agent\'","Copilot code review: dynamic/copilot-pull-request-reviewer/copilot-pull-request-reviewer (optional .github/workflows/copilot-code-review.yml)"],"secret_env":["COPILOT_MCP_* (secrets in the \'copilot\' environment / Agents secrets)","COPILOT_MCP_GITHUB_PERSONAL_ACCESS_TOKEN"],"authority_knobs":[{"name":"jobs.copilot-setup-steps.permissions","kind":"setting","risky_values":["contents: write","<any write>"],"meaning":"Token for the setup steps only (Copilot gets its own token). Setup steps run arbitrary code before the agent, outside the agent firewall."},{"name":"jobs.copilot-setup-steps.runs-on","kind":"setting","risky_values":["self-hosted","larger runners"],"meaning":"Runner for the agent\'s work."},{"name":"firewall (repo Settings > Copilot > coding agent); legacy vars COPILOT_AGENT_FIREWALL_ENABLED / COPILOT_AGENT_FIREWALL_ALLOW_LIST_ADDITIONS","kind":"setting","risky_values":["COPILOT_AGENT_FIREWALL_ENABLED=false","recommended allowlist disabled=false","<broad additions>"],"meaning":"Egress allowlist for processes the agent starts via Bash. Does NOT cover MCP servers or setup steps.","default":"enabled + recommended allowlist"},{"name":"MCP configuration JSON (repo settings) mcpServers.<n>.{type,command,args,env,url,headers,tools}","kind":"setting","risky_values":["tools: [\\"*\\"]","write-capable tools","remote url"],"meaning":"Copilot uses configured MCP tools autonomously without approval; tools list is the allowlist."},{"name":".github/agents/*.agent.md frontmatter tools / mcp-servers","kind":"setting","risky_values":["tools: [\\"*\\"]"],"meaning":"Custom agent tool/MCP grants."}],"defaults_note":"Only users with write access can trigger (assign issue to Copilot / @copilot on PR). Pushes only to copilot/* branches; cannot merge; Actions workflows on its PRs need \'Approve and run\'; requester cannot approve its PR; commits co-authored with the requester; hidden characters filtered from issue text.","bot_logins":["copilot-swe-agent[bot]","Copilot","copilot[bot]","copilot-pull-request-reviewer[bot]"],"commit_identities":["copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>","Copilot <198982749+Copilot@users.noreply.github.com>"],"config_files":[".github/workflows/copilot-setup-steps.yml",".github/copilot-instructions.md",".github/instructions/*.instructions.md",".github/agents/*.agent.md","AGENTS.md",".mcp.json (portable Copilot format)",".vscode/mcp.json (VS Code, forwarded)"],"sources":["docs.github.com/en/copilot/how-tos/use-copilot-agents/coding-agent/customize-the-agent-environment","docs.github.com/en/copilot/how-tos/use-copilot-agents/coding-agent/customize-the-agent-firewall","docs.github.com/en/copilot/how-tos/use-copilot-agents/cloud-agent/extend-cloud-agent-with-mcp","learn.microsoft.com github-copilot-code-agent security-risks-limitations","github/gh-aw pkg/constants CopilotBotNames (copilot-swe-agent, Copilot, copilot)","anthropics/claude-code-action src/github/validation/actor.ts (GITHUB_ACTOR=\\"Copilot\\" is an App actor)"],"evidence":"D/C","bot_login_notes":{"Copilot":"REST PR author / reviewer login (type Bot) and GITHUB_ACTOR","copilot-swe-agent[bot]":"commit author (198982749+Copilot@users.noreply.github.com)","copilot[bot]":"base Copilot bot (167198135)","copilot-pull-request-reviewer[bot]":"Copilot code review (community-observed)","_graphql":"GraphQL returns bot logins without the [bot] suffix; normalise before matching"}},{"id":"copilot-cli","vendor":"GitHub","product":"GitHub Copilot CLI (`copilot -p`) in run: steps","uses":[],"cli_patterns":["@github/copilot\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])copilot\\\\b(?:[^\\\\n]*?)\\\\s(?:-p|--prompt)\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])copilot\\\\b[^\\\\n]*--allow-all"],"secret_env":["COPILOT_GITHUB_TOKEN","GH_TOKEN","GITHUB_TOKEN"],"authority_knobs":[{"name":"--allow-all / --yolo","kind":"flag","risky_values":["present"],"meaning":"= --allow-all-tools --allow-all-paths --allow-all-urls.","detect":"--allow-all\\\\b|--yolo\\\\b"},{"name":"--allow-all-tools","kind":"flag","risky_values":["present"],"meaning":"Every tool runs without approval."},{"name":"--allow-tool","kind":"flag","risky_values":["shell","write","<mcp server>"],"meaning":"Selective approvals, e.g. \'shell(git:*)\'."},{"name":"--deny-tool","kind":"flag","risky_values":[],"meaning":"Deny wins over allow."},{"name":"--allow-all-paths / --add-dir","kind":"flag","risky_values":["present"],"meaning":"Path verification disabled / extra dirs."},{"name":"--allow-all-urls / --allow-url","kind":"flag","risky_values":["present"],"meaning":"Web fetch scope."},{"name":"--additional-mcp-config","kind":"flag","risky_values":["<any>"],"meaning":"Extra MCP servers."},{"name":"--available-tools / --excluded-tools","kind":"flag","risky_values":[],"meaning":"Restricts the tool set known to the model."}],"bot_logins":[],"config_files":["~/.copilot/mcp-config.json",".mcp.json","AGENTS.md",".github/copilot-instructions.md"],"sources":["docs.github.com/en/copilot/reference/copilot-cli-reference/cli-programmatic-reference","docs.github.com/en/copilot/how-tos/copilot-cli/use-copilot-cli/allowing-tools"],"evidence":"D"},{"id":"gh-aw","vendor":"GitHub","product":"GitHub Agentic Workflows (gh aw): markdown workflows compiled to .lock.yml","uses":["github/gh-aw-actions/setup","github/gh-aw-actions"],"workflow_markers":["actions/checkout with repository: github/gh-aw + sparse-checkout: actions, followed by uses: ./actions/setup","jobs named pre_activation, activation, agent, detection, safe_outputs, conclusion","env GH_AW_* (GH_AW_INFO_ENGINE_ID, GH_AW_SAFE_OUTPUTS, GH_AW_PROMPT)","awf --config ... -- /bin/bash -c \'... claude|copilot|codex ...\'"],"cli_patterns":["^# gh-aw-metadata:\\\\s*\\\\{","^# gh-aw-manifest:\\\\s*\\\\{","This file was automatically generated by gh-aw","github/gh-aw-actions/[\\\\w-]+@","(?:sudo\\\\s+-E\\\\s+)?awf\\\\s+(?:--config|--env-all|--allow-domains)","\\\\bgh\\\\s+aw\\\\s+(?:compile|run|add|logs|audit)\\\\b"],"secret_env":["COPILOT_GITHUB_TOKEN","ANTHROPIC_API_KEY","OPENAI_API_KEY","CODEX_API_KEY","GEMINI_API_KEY","GH_AW_GITHUB_TOKEN","GH_AW_GITHUB_MCP_SERVER_TOKEN"],"authority_knobs":[{"name":"permissions","kind":"setting","risky_values":["<any write except id-token>","write-all"],"meaning":"Agent-job token scopes. Compiler rejects write permissions (strict); writes go through safe-outputs. Not validated for custom jobs / safe-outputs.jobs.","default":"read-only"},{"name":"strict","kind":"setting","risky_values":["false"],"meaning":"Strict mode (default true): no write perms, explicit network, no wildcard domains, no secrets in env, rejects unsafe opt-outs. strict:false workflows fail at runtime on public repos.","default":"true"},{"name":"safe-outputs.<type>","kind":"setting","risky_values":["create-pull-request","push-to-pull-request-branch","dispatch-workflow","update-release","upload-asset","assign-to-agent","target: \\"*\\"","target-repo: <other repo>","max: <large>"],"meaning":"Each declared type = a write capability executed by a separate job with scoped write token after detection. max/target/target-repo/allowed bound it."},{"name":"safe-outputs.github-token / github-app","kind":"setting","risky_values":["${{ secrets.<PAT> }}"],"meaning":"Token used by safe-output jobs (cross-repo writes)."},{"name":"safe-outputs.jobs.<name>","kind":"setting","risky_values":["<any permissions/steps>"],"meaning":"Custom post-agent jobs with their own permissions (not covered by write-permission validation)."},{"name":"safe-outputs.threat-detection","kind":"setting","risky_values":["false","engine: false (no AI analysis)","continue-on-error: true (default per docs table)"],"meaning":"Detection job (AI + custom steps) between agent and safe-output jobs.","default":"enabled when safe-outputs exist"},{"name":"threat-detection-suppress","kind":"setting","risky_values":["<any rule>"],"meaning":"Suppresses CTR-### detection rules."},{"name":"tools.bash","kind":"setting","risky_values":[":*","*","true"],"meaning":"Shell allowlist; default safe read-only commands; \':*\' = unrestricted.","default":"echo printf ls pwd cat head tail grep wc sort uniq date yq"},{"name":"tools.edit","kind":"setting","risky_values":["present"],"meaning":"File editing in the workspace."},{"name":"tools.github.{toolsets,mode,allowed,allowed-repos,min-integrity,github-token,private-to-public-flows}","kind":"setting","risky_values":["toolsets: [all]","mode: remote + PAT","github-token: <PAT>","private-to-public-flows: allow","allowed-repos: [\\"*\\"]"],"meaning":"GitHub read reach (toolsets default context,repos,issues,pull_requests,users)."},{"name":"tools.web-fetch / tools.web-search / network.hosted-web","kind":"setting","risky_values":["present","hosted-web.enabled: true"],"meaning":"Web access (provider-hosted tools bypass network.allowed)."},{"name":"mcp-servers.<name>.{command,args,container,url,headers,env,allowed,registry,required}","kind":"setting","risky_values":["url (remote)","allowed: [\\"*\\"]","env: secrets"],"meaning":"Custom MCP servers; run in containers behind the MCP gateway."},{"name":"network / network.allowed / network.blocked / network.firewall / network.allowed-input","kind":"setting","risky_values":["allowed: [\\"*\\"] / wildcard","firewall: false","allowed-input: true"],"meaning":"AWF egress allowlist; default \'defaults\' (infra only).","default":"defaults"},{"name":"sandbox.agent + features.dangerously-disable-sandbox-agent","kind":"setting","risky_values":["agent: false","runtime: docker-sudo-iptables","allow-host-ports"],"meaning":"AWF container sandbox; disabling requires the feature flag and strict:false.","default":"awf (docker)"},{"name":"engine / engine.{id,args,env,permission-mode,command,driver}","kind":"setting","risky_values":["permission-mode: bypassPermissions","args: [--dangerously-skip-permissions]","command: <custom>"],"meaning":"Which agent and how it is invoked (copilot default; claude, codex, gemini, pi, custom).","default":"copilot"},{"name":"on.roles / on.bots / on.forks / on.skip-author-associations","kind":"setting","risky_values":["roles: all","forks: [\\"*\\"]","bots: <untrusted>"],"meaning":"Who can trigger (pre_activation role check; default admin, maintainer, write).","default":"[admin, maintainer, write]"},{"name":"on.manual-approval","kind":"setting","risky_values":[],"meaning":"Environment protection gate on activation (reduces risk)."},{"name":"runtimes.node.run-install-scripts","kind":"setting","risky_values":["true"],"meaning":"npm install scripts allowed (rejected in strict).","default":"false"},{"name":"max-turns / max-ai-credits / max-daily-ai-credits","kind":"setting","risky_values":["-1"],"meaning":"Cost guardrails (defaults 500 turns, 1000 AI credits).","default":"500 / 1000 / off"},{"name":"env (workflow-level) with secrets.*","kind":"setting","risky_values":["present"],"meaning":"Secrets would be visible to the agent container (error in strict)."}],"defaults_note":"Compiled job graph: pre_activation (role/bot/stop-after/skip-if checks) -> activation (sanitizes event text, validates lock file, builds prompt) -> agent (read-only permissions; agent runs inside AWF container with Squid domain allowlist; MCP servers behind gh-aw-mcpg gateway; secrets redacted from artifacts) -> detection (AI threat scan of agent_output.json + aw.patch, no write perms) -> safe_outputs (scoped write perms, only if detection succeeds) -> conclusion. Agent git identity github-actions[bot].","bot_logins":["github-actions[bot]"],"config_files":[".github/workflows/*.md (frontmatter source)",".github/workflows/*.lock.yml (compiled)",".github/aw/actions-lock.json",".github/workflows/aw.json",".github/workflows/shared/*.md (imports)"],"sources":["github/gh-aw docs/src/content/docs/introduction/architecture.mdx","github/gh-aw docs/.../reference/compilation-process.md","github/gh-aw docs/.../reference/permissions.md, safe-outputs.md, threat-detection.md, network.md, sandbox.md, tools.md, github-tools.md, frontmatter.md, triggers.md, engines.md","github/gh-aw .github/workflows/ci-doctor.lock.yml (header markers, agent job permissions, claude invocation inside awf)","github/gh-aw pkg/workflow/claude_engine.go, pkg/workflow/agentic_engine.go, pkg/workflow/bot_aliases.go"],"bot_login_notes":{"github-actions[bot]":"agent-job git author; safe-output writes with GITHUB_TOKEN","<configured GitHub App>[bot]":"placeholder"},"evidence":"P"},{"id":"opencode","vendor":"SST / Anomaly (opencode)","product":"opencode GitHub Action + `opencode run`","uses":["sst/opencode/github","anomalyco/opencode/github"],"cli_patterns":["(?:sst|anomalyco)/opencode/github@","(?:^|[\\\\s;&|(`\'\\\\\\"/])opencode\\\\s+(?:github\\\\s+)?run\\\\b","opencode\\\\.ai/install|\\\\bopencode-ai\\\\b"],"secret_env":["ANTHROPIC_API_KEY","OPENAI_API_KEY","OPENCODE_API_KEY","<provider keys>"],"authority_knobs":[{"name":"use_github_token","kind":"input","risky_values":["false (default) + id-token: write"],"meaning":"When false, exchanges OIDC at api.opencode.ai (oidc_base_url) for an opencode-agent App token (authority not bounded by job permissions).","default":"false"},{"name":"allowed_bots","kind":"input","risky_values":["*"],"meaning":"Bots allowed to trigger; denied by default.","default":""},{"name":"share","kind":"input","risky_values":["true","<unset on public repo>"],"meaning":"Publishes the agent conversation via a public share link (defaults true for public repos).","default":"true for public repos"},{"name":"mentions","kind":"input","risky_values":[],"meaning":"Trigger phrases (default /opencode,/oc).","default":"/opencode,/oc"},{"name":"prompt / agent / model","kind":"input","risky_values":["<untrusted>"],"meaning":"Prompt override / agent selection.","default":""},{"name":"permission (opencode.json) / OPENCODE_CONFIG_CONTENT","kind":"setting","risky_values":["\\"allow\\"","bash: allow","external_directory: allow"],"meaning":"allow|ask|deny per tool, last match wins."},{"name":"--auto","kind":"flag","risky_values":["present"],"meaning":"Auto-approves anything not explicitly denied (opencode run --auto)."},{"name":"mcp.<name>.{type: local|remote, command, environment, url, headers}","kind":"setting","risky_values":["remote url"],"meaning":"MCP servers in opencode.json."}],"bot_logins":["opencode-agent[bot]"],"config_files":["opencode.json","opencode.jsonc",".opencode/","AGENTS.md"],"sources":["anomalyco/opencode github/action.yml (commit 6aaaaf8)","opencode.ai/v1/docs/zh-cn/github.md","opencode.ai/v1/docs/permissions.md","github.com/anomalyco/opencode/issues/2170 (uses: sst/opencode/github@latest)"],"evidence":"P/D"},{"id":"aider","vendor":"Aider (aider-chat)","product":"aider CLI in run: steps","uses":[],"cli_patterns":["\\\\baider-chat\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])aider\\\\b[^\\\\n]*(?:--yes-always|--yes\\\\b|--message\\\\b|--message-file\\\\b|\\\\s-m\\\\s)"],"secret_env":["OPENAI_API_KEY","ANTHROPIC_API_KEY","<provider keys>"],"authority_knobs":[{"name":"--yes-always / --yes","kind":"flag","risky_values":["present"],"meaning":"Auto-confirm prompts (file adds, edits). Shell commands proposed by the model still require explicit yes in upstream aider."},{"name":"--auto-commits / --no-auto-commits","kind":"flag","risky_values":["auto-commits (default on)"],"meaning":"Aider commits its edits; with a write token + later git push this reaches the repo.","default":"auto-commits on"},{"name":"--test-cmd / --lint-cmd / --auto-test","kind":"flag","risky_values":["<any>"],"meaning":"Commands aider runs itself."},{"name":"--message / --message-file / -m","kind":"flag","risky_values":["<untrusted event text>"],"meaning":"Non-interactive task text."}],"bot_logins":[],"commit_identities":["<git user> (aider) appended to author/committer name by default","opt-in --attribute-co-authored-by trailer"],"config_files":[".aider.conf.yml",".aiderignore",".env","CONVENTIONS.md (if passed)"],"sources":["github.com/cecli-dev/cecli/pull/264 (aider args.py --yes-always; shell commands explicit_yes_required)","community AI-identity list (aider attribution)"],"evidence":"C"},{"id":"cursor-cli","vendor":"Anysphere (Cursor)","product":"Cursor CLI (`cursor-agent` / `agent`) in run: steps; Cursor Bugbot/background agents as App","uses":[],"cli_patterns":["cursor\\\\.com/install","(?:^|[\\\\s;&|(`\'\\\\\\"/])(?:cursor-agent|agent)\\\\b[^\\\\n]*\\\\s(?:-p|--print|--force|--yolo)\\\\b"],"secret_env":["CURSOR_API_KEY"],"authority_knobs":[{"name":"-f / --force / --yolo","kind":"flag","risky_values":["present"],"meaning":"Allow commands unless explicitly denied."},{"name":"--sandbox","kind":"flag","risky_values":["disabled"],"meaning":"enabled|disabled."},{"name":"--approve-mcps","kind":"flag","risky_values":["present"],"meaning":"Auto-approve all MCP servers."},{"name":"--trust","kind":"flag","risky_values":["present"],"meaning":"Trust workspace without prompt."},{"name":"permissions.allow / permissions.deny (.cursor/cli.json, ~/.cursor/cli-config.json)","kind":"setting","risky_values":["Shell(**)","Write(**)","Mcp(*,*)"],"meaning":"Tool permission patterns."}],"bot_logins":["cursor[bot]"],"commit_identities":["Cursor Agent <cursoragent@cursor.com> (cloud/background agents)","cursor[bot] <206951365+cursor[bot]@users.noreply.github.com>"],"config_files":[".cursor/cli.json",".cursor/mcp.json",".cursor/rules/",".cursorrules","AGENTS.md"],"sources":["cursor.com/help/integrations/cli.md","wangchujiang.com/reference/docs/cursor-cli.html (flag list)","skills.sh update-cli-config (.cursor/cli.json permissions)","community AI-identity list citing forum.cursor.com/t/commit-attribution-opt-out-ignored/164034"],"evidence":"D/C"},{"id":"amazon-q-developer","vendor":"AWS","product":"Amazon Q Developer for GitHub (App) and Amazon Q CLI (`q chat`, now Kiro CLI)","uses":[],"cli_patterns":["(?:^|[\\\\s;&|(`\'\\\\\\"/])q\\\\s+chat\\\\b[^\\\\n]*--no-interactive","--trust-all-tools\\\\b","\\\\bkiro-cli\\\\b"],"secret_env":["AWS credentials / Builder ID"],"authority_knobs":[{"name":"label \'Amazon Q development agent\' / \'/q dev\'","kind":"setting","risky_values":["present"],"meaning":"App creates code + PR (runs outside your Actions)."},{"name":"--trust-all-tools","kind":"flag","risky_values":["present"],"meaning":"q chat runs any tool without confirmation; --no-interactive fails on permission prompts unless this is set."},{"name":"--trust-tools","kind":"flag","risky_values":["execute_bash","fs_write","use_aws"],"meaning":"Selective trust."}],"bot_logins":["amazon-q-developer[bot]"],"config_files":[".amazonq/mcp.json",".amazonq/rules/",".kiro/"],"sources":["docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/github-feature-development.html","docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-reference.html","gitee mirror of aws/amazon-q-developer-cli README (moved to Kiro CLI)"],"evidence":"D/C"},{"id":"devin","vendor":"Cognition","product":"Devin (GitHub App; no official Action)","uses":["aaronsteers/devin-action"],"cli_patterns":["DEVIN_(?:AI_)?API_KEY|api\\\\.devin\\\\.ai|app\\\\.devin\\\\.ai"],"secret_env":["DEVIN_API_KEY"],"authority_knobs":[{"name":"GitHub App installation permissions","kind":"setting","risky_values":["contents: write"],"meaning":"Devin works in its own VM and pushes via its App."}],"bot_logins":["devin-ai-integration[bot]"],"commit_identities":["devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>"],"config_files":["AGENTS.md"],"sources":["community commit trailers / bot lists (no Cognition primary source found)"],"use_notes":{"aaronsteers/devin-action":"third-party"},"evidence":"C"},{"id":"sweep","vendor":"Sweep AI","product":"Sweep (GitHub App)","uses":[],"cli_patterns":[],"secret_env":[],"authority_knobs":[{"name":"issue title prefix \'Sweep:\' / label \'sweep\'","kind":"setting","risky_values":["present"],"meaning":"Triggers App to open PRs (outside Actions)."}],"bot_logins":["sweep-ai[bot]","sweep-nightly[bot]","sweep-canary[bot]"],"config_files":["sweep.yaml"],"sources":["sweep source snippet: GITHUB_BOT_USERNAME = sweep-ai[bot] (prod) / sweep-nightly[bot] (dev) / sweep-canary[bot] (staging)"],"evidence":"C"},{"id":"coderabbit","vendor":"CodeRabbit","product":"CodeRabbit App; legacy coderabbitai/ai-pr-reviewer Action","uses":["coderabbitai/ai-pr-reviewer","coderabbitai/openai-pr-reviewer"],"cli_patterns":["coderabbitai/(?:ai|openai)-pr-reviewer@"],"secret_env":["OPENAI_API_KEY"],"authority_knobs":[{"name":"job permissions (pull-requests: write)","kind":"setting","risky_values":["contents: write"],"meaning":"Legacy action only comments/reviews as github-actions[bot]."},{"name":"openai_base_url","kind":"input","risky_values":["<non-OpenAI endpoint>"],"meaning":"Where diffs are sent.","default":"https://api.openai.com/v1"}],"bot_logins":["coderabbitai[bot]","github-actions[bot]"],"config_files":[".coderabbit.yaml"],"sources":["coderabbitai/ai-pr-reviewer action.yml (commit 003c0e9)"],"bot_login_notes":{"github-actions[bot]":"legacy action"},"evidence":"P/C"},{"id":"pr-agent","vendor":"Qodo (formerly CodiumAI)","product":"PR-Agent GitHub Action (docker) / Qodo Merge App","uses":["Codium-ai/pr-agent","qodo-ai/pr-agent","the-pr-agent/pr-agent"],"cli_patterns":["(?:Codium-ai|qodo-ai|the-pr-agent)/pr-agent@"],"secret_env":["OPENAI_KEY","OPENAI.KEY","ANTHROPIC.KEY","GOOGLE_AI_STUDIO.GEMINI_API_KEY","GITHUB_TOKEN"],"authority_knobs":[{"name":"job permissions","kind":"setting","risky_values":["contents: write"],"meaning":"Docs example grants issues/pull-requests/contents write."},{"name":"env github_action_config.auto_review / auto_describe / auto_improve","kind":"setting","risky_values":["true"],"meaning":"Automatic runs on PR events."},{"name":"env pr_code_suggestions.commitable_code_suggestions","kind":"setting","risky_values":["true"],"meaning":"Posts committable suggestions."},{"name":"env pr_update_changelog.push_changelog_changes","kind":"setting","risky_values":["true"],"meaning":"Pushes commits to the PR branch.","default":"false"},{"name":"config.model / *.api_base","kind":"setting","risky_values":["<third-party endpoint>"],"meaning":"Where diffs are sent."}],"bot_logins":["github-actions[bot]","qodo-merge[bot]","qodo-merge-pro[bot]","qodo-code-review[bot]","codiumai-pr-agent-pro[bot]","codiumai-pr-agent-free[bot]"],"config_files":[".pr_agent.toml"],"sources":["qodo-ai/pr-agent action.yaml, docs/docs/installation/github.md, pr_agent/settings/configuration.toml @0e37fc8 (2026-04-21)"],"bot_login_notes":{"github-actions[bot]":"Action"},"evidence":"P/C"},{"id":"jules","vendor":"Google","product":"Jules (GitHub App, label \'jules\'; google-labs-code/jules-action; @google/jules CLI)","uses":["google-labs-code/jules-action"],"cli_patterns":["google-labs-code/jules-action@","@google/jules\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])jules\\\\s+remote\\\\s+new\\\\b"],"secret_env":["JULES_API_KEY"],"authority_knobs":[{"name":"label \'jules\' on issue","kind":"setting","risky_values":["present"],"meaning":"App starts a task and opens a PR (runs in Google cloud VMs)."}],"bot_logins":["google-labs-jules[bot]"],"commit_identities":["google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>"],"config_files":["AGENTS.md"],"sources":["community notes: label \'jules\', CLI @google/jules, action google-labs-code/jules-action (JULES_API_KEY)","community AI-identity list citing google-labs-code/stitch-sdk commit 389480d"],"evidence":"C"},{"id":"continue-cli","vendor":"Continue","product":"Continue CLI (`cn`)","uses":[],"cli_patterns":["@continuedev/cli\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])cn\\\\s+(?:[^\\\\n]*\\\\s)?-p\\\\b"],"secret_env":["CONTINUE_API_KEY","ANTHROPIC_API_KEY"],"authority_knobs":[{"name":"--allow","kind":"flag","risky_values":["*","Bash","Write","Edit"],"meaning":"Headless: \'ask\' tools are excluded unless allowed."},{"name":"--ask / --exclude","kind":"flag","risky_values":[],"meaning":"Override levels."},{"name":"~/.continue/permissions.yaml allow/ask/exclude","kind":"setting","risky_values":["allow: Bash"],"meaning":"Persistent permissions."}],"bot_logins":["continue[bot]"],"config_files":["~/.continue/permissions.yaml",".continue/","config.yaml (mcpServers)"],"sources":["docs.continue.dev/cli/headless-mode","docs.continue.dev/cli/tool-permissions"],"evidence":"D/C"},{"id":"openhands-resolver","vendor":"All Hands AI (OpenHands)","product":"OpenHands resolver reusable workflow / openhands-resolver","uses":["All-Hands-AI/OpenHands/.github/workflows/openhands-resolver.yml","OpenHands/OpenHands/.github/workflows/openhands-resolver.yml","All-Hands-AI/openhands-resolver"],"cli_patterns":["(?:All-Hands-AI|OpenHands)/OpenHands/\\\\.github/workflows/openhands-resolver\\\\.yml@","\\\\bopenhands[-_]resolver\\\\b","openhands\\\\.resolver\\\\.(?:resolve_issue|send_pull_request)"],"secret_env":["LLM_API_KEY","LLM_MODEL","LLM_BASE_URL","PAT_TOKEN","PAT_USERNAME"],"authority_knobs":[{"name":"secrets.PAT_TOKEN / PAT_USERNAME","kind":"setting","risky_values":["<any PAT>"],"meaning":"Commits/PRs made with that account (docs: contents, issues, pull requests, workflows RW)."},{"name":"caller job permissions","kind":"setting","risky_values":["contents: write","pull-requests: write","issues: write"],"meaning":"Required by the reusable workflow."},{"name":"repo setting \'Allow GitHub Actions to create and approve pull requests\'","kind":"setting","risky_values":["enabled"],"meaning":"Required."},{"name":"with.macro / label fix-me","kind":"input","risky_values":["@openhands-agent"],"meaning":"Trigger phrase/label.","default":"@openhands-agent"},{"name":"with.max_iterations / base_container_image / runner / target_branch / LLM_MODEL","kind":"input","risky_values":["<large>","<custom image>","self-hosted"],"meaning":"Run scope.","default":"50"}],"bot_logins":["openhands-agent","openhands-ai[bot]"],"commit_identities":["openhands <openhands@all-hands.dev>"],"config_files":[".openhands/setup.sh",".openhands/microagents/",".openhands_instructions","AGENTS.md"],"sources":["pypi.org/project/openhands-resolver (README)","docs.openhands.dev/usage/how-to/github-action","community workflow copies calling openhands-resolver.yml@main"],"bot_login_notes":{"openhands-agent":"user account","openhands-ai[bot]":"OpenHands Cloud App"},"evidence":"D/C"},{"id":"goose","vendor":"Block","product":"goose CLI in run: steps","uses":[],"cli_patterns":["block/goose/releases|download_cli\\\\.sh","(?:^|[\\\\s;&|(`\'\\\\\\"/])goose\\\\s+run\\\\b[^\\\\n]*(?:--instructions|\\\\s-i\\\\b|\\\\s-t\\\\b|--text|--with-builtin|--with-extension|--with-remote-extension|--recipe)"],"secret_env":["GOOSE_PROVIDER","GOOSE_MODEL","<provider keys>"],"authority_knobs":[{"name":"env:GOOSE_MODE","kind":"setting","risky_values":["auto (default)"],"meaning":"auto (completely autonomous) | approve | smart_approve | chat.","default":"auto"},{"name":"--with-builtin / --with-extension / --with-remote-extension","kind":"flag","risky_values":["developer","<any cmd>","<remote url>"],"meaning":"Tool/extension reach."},{"name":"~/.config/goose/config.yaml extensions","kind":"setting","risky_values":["<any>"],"meaning":"Configured extensions (MCP)."}],"bot_logins":[],"config_files":["~/.config/goose/config.yaml",".goosehints","recipe.yaml"],"sources":["block.github.io/goose/docs/tutorials/cicd","block.github.io/goose docs/guides/goose-permissions (Autonomous default)"],"evidence":"D"},{"id":"amp","vendor":"Sourcegraph / Amp","product":"Amp CLI (`amp -x`)","uses":[],"cli_patterns":["@(?:sourcegraph/amp|ampcode/cli)\\\\b","(?:^|[\\\\s;&|(`\'\\\\\\"/])amp\\\\b[^\\\\n]*(?:\\\\s-x\\\\b|--execute\\\\b|--dangerously-allow-all)"],"secret_env":["AMP_API_KEY"],"authority_knobs":[{"name":"--dangerously-allow-all","kind":"flag","risky_values":["present"],"meaning":"Legacy skip-all-permission flag; current Amp runs tools without approval by default."},{"name":"amp.permissions / amp.commands.allowlist","kind":"setting","risky_values":["{tool: Bash, action: allow, matches: {cmd: *}}"],"meaning":"Ordered allow/ask/reject/delegate rules."},{"name":"amp.mcpServers","kind":"setting","risky_values":["<any>"],"meaning":"MCP servers."}],"bot_logins":[],"config_files":["~/.config/amp/settings.json",".agents/settings.json (per third-party reader)","AGENTS.md"],"sources":["developersdigest.tech/reference/amp/cli-flags (-x/--execute)","ralph-tui.com/docs/plugins/agents/ampcode (tools run without approval by default)","pasky/pi-amplike permissions.ts (settings keys)"],"evidence":"D/C"},{"id":"factory-droid","vendor":"Factory","product":"Factory Droid (droid-action, `droid exec`)","uses":["Factory-AI/droid-action"],"cli_patterns":["Factory-AI/droid-action@","app\\\\.factory\\\\.ai/cli","(?:^|[\\\\s;&|(`\'\\\\\\"/])droid\\\\s+exec\\\\b"],"secret_env":["FACTORY_API_KEY"],"authority_knobs":[{"name":"--auto","kind":"flag","risky_values":["medium","high"],"meaning":"droid exec is read-only by default; --auto low|medium|high opts into edits/commands."},{"name":"--skip-permissions-unsafe","kind":"flag","risky_values":["present"],"meaning":"Skips all permission checks (unverified)."},{"name":"allowed_bots","kind":"input","risky_values":["*","<any>"],"meaning":"Bots allowed to trigger the action."}],"bot_logins":["factory-droid[bot]"],"config_files":["AGENTS.md",".factory/"],"sources":["docs.factory.ai/cli/droid-exec/overview.md","docs.factory.ai/guides/droid-exec/github-actions","docs.factory.ai/enterprise/github-integration-security","Factory-AI/factory PR #28 (allowed_bots: dependabot,factory-droid)"],"evidence":"D/C"}]}');
;// CONCATENATED MODULE: ./src/inventory/agent-catalog.ts
/**
 * Loads the agent catalog (data, with sources) once and compiles its patterns. The catalog
 * is the single source of how agents appear; detection code holds no agent-specific regexes.
 */

const entries = agents_catalog_namespaceObject.X;
const AGENTS = entries.map((entry) => ({
    entry,
    patterns: entry.cli_patterns.map((p) => new RegExp(p, 'm')),
    knobs: entry.authority_knobs.map((knob) => ({
        knob,
        names: knob.name.split(' / ').map((n) => n.trim()),
        detect: knob.detect ? new RegExp(knob.detect, 'm') : undefined,
    })),
    secretNames: entry.secret_env
        .map((s) => s.split(' ')[0] ?? '')
        .filter((s) => /^[A-Z][A-Z0-9_]*$/.test(s) && s !== 'GITHUB_TOKEN' && s !== 'GH_TOKEN'),
}));
/** Bot logins that belong to agents (github-actions[bot] is not an agent by itself). */
const AGENT_BOT_LOGINS = new Set(entries
    .flatMap((e) => e.bot_logins)
    .filter((l) => l !== 'github-actions[bot]')
    .map((l) => l.toLowerCase()));
/** A bot or agent account: `[bot]` suffix or a known agent login. */
function isBotOrAgent(login) {
    if (!login)
        return false;
    const l = login.toLowerCase();
    return l.endsWith('[bot]') || AGENT_BOT_LOGINS.has(l);
}

;// CONCATENATED MODULE: ./src/inventory/agents.ts



function detectAgents(workflow, job) {
    const found = [];
    const src = workflow.source;
    if (job.uses) {
        for (const agent of AGENTS) {
            if (agent.entry.uses.some((u) => actionMatches(stripRef(job.uses ?? ''), u))) {
                found.push(use(agent, 'job-uses', job.uses, undefined, locate(src, [...job.at, 'uses']), []));
            }
        }
    }
    for (const step of job.steps) {
        if (step.uses) {
            const name = stripRef(step.uses);
            for (const agent of AGENTS) {
                if (agent.entry.uses.some((u) => actionMatches(name, u))) {
                    found.push(use(agent, 'uses', step.uses, step.index, locate(src, [...step.at, 'uses']), inputKnobs(workflow, agent, step)));
                }
            }
        }
        if (step.run) {
            for (const agent of AGENTS) {
                if (agent.entry.uses.length > 0 && agent.patterns.every((p) => p.source.includes('@')))
                    continue;
                if (agent.patterns.some((p) => p.test(step.run ?? ''))) {
                    found.push(use(agent, 'run', undefined, step.index, locate(src, [...step.at, 'run']), flagKnobs(workflow, agent, step)));
                }
            }
        }
    }
    const header = workflowHeader(workflow.source.text);
    const ghAw = AGENTS.find((a) => a.entry.id === 'gh-aw');
    if (ghAw &&
        found.every((f) => f.id !== 'gh-aw') &&
        ghAw.patterns.some((p) => p.test(header)) &&
        jobLooksLikeGhAwAgent(job)) {
        found.push(use(ghAw, 'workflow-header', undefined, undefined, locate(src, job.at, { key: true }), []));
    }
    if (job.id === 'copilot-setup-steps' && /copilot-setup-steps\.ya?ml$/.test(workflow.path)) {
        const copilot = AGENTS.find((a) => a.entry.id === 'copilot-coding-agent');
        if (copilot)
            found.push(use(copilot, 'setup-steps', undefined, undefined, locate(src, job.at, { key: true }), []));
    }
    return dedupe(found);
}
function use(agent, via, raw, step, at, knobs) {
    const ref = raw?.includes('@') ? raw.slice(raw.lastIndexOf('@') + 1) : undefined;
    return { id: agent.entry.id, product: agent.entry.product, via, ref, step, knobs, at };
}
/** Inputs of an agent action that the catalog lists as authority knobs, with their values. */
function inputKnobs(workflow, agent, step) {
    const knobs = [];
    for (const entry of step.with) {
        const known = agent.knobs.find((k) => k.knob.kind === 'input' && k.names.includes(entry.key));
        if (known)
            knobs.push({ name: entry.key, value: entry.value, at: locate(workflow.source, entry.at) });
    }
    return knobs;
}
/** Risky CLI flags the catalog can detect in a `run:` script. */
function flagKnobs(workflow, agent, step) {
    const knobs = [];
    for (const { knob, detect } of agent.knobs) {
        const match = detect?.exec(step.run ?? '');
        if (match)
            knobs.push({
                name: knob.name,
                value: match[0],
                at: locate(workflow.source, [...step.at, 'run']),
            });
    }
    return knobs;
}
function stripRef(uses) {
    const at = uses.lastIndexOf('@');
    return at > 0 ? uses.slice(0, at) : uses;
}
/** The leading comment block of a file (where gh-aw writes its manifest). */
function workflowHeader(text) {
    const lines = [];
    for (const line of text.split('\n', 400)) {
        if (!line.startsWith('#') && line.trim() !== '')
            break;
        lines.push(line);
    }
    return lines.join('\n');
}
/** In a gh-aw lock file, the agent runs in the job that executes the engine (`agent`). */
function jobLooksLikeGhAwAgent(job) {
    return (job.id === 'agent' ||
        job.steps.some((s) => /\bawf\b|gh-aw.*engine|GH_AW_AGENT/i.test(s.run ?? '')));
}
function dedupe(agents) {
    const seen = new Set();
    return agents.filter((a) => {
        const key = `${a.id}:${a.step ?? 'job'}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/inventory/credentials.ts
/**
 * The credentials a job holds (DESIGN.md §4 credential kinds): the GITHUB_TOKEN with its
 * effective scopes, OIDC, App tokens minted in steps, and every secret by name — with its
 * lifetime, whether it is narrow or broad, and what it reaches. Values are never seen.
 */






/** Secret names used as GitHub tokens (PAT-like), and inputs that take a GitHub token. */
const PAT_NAME = /(^|_)(PAT|PERSONAL_ACCESS_TOKEN|GH_TOKEN|GH_PAT|BOT_TOKEN|GITHUB_TOKEN|GITHUB_PAT|REPO_TOKEN|RELEASE_TOKEN)(_|$)/;
const TOKEN_INPUT = /^(token|github[-_]token|gh[-_]token|repo[-_]token|GITHUB_TOKEN|GH_TOKEN)$/i;
/** Static cloud keys: long-lived credentials to a cloud account. */
const CLOUD_KEY = /^(AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AZURE_CREDENTIALS|AZURE_CLIENT_SECRET|GCP_SA_KEY|GCP_CREDENTIALS|GOOGLE_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS|GCLOUD_SERVICE_KEY|DIGITALOCEAN_ACCESS_TOKEN)$/;
const MODEL_KEY_INPUT = /api[-_]?key|oauth[-_]?token|auth[-_]?token/i;
function buildCredentials(input) {
    const credentials = [githubToken(input)];
    if (input.permissions.scopes['id-token'] === 'write') {
        credentials.push({
            id: 'oidc',
            kind: 'oidc',
            name: 'OIDC token (id-token: write)',
            lifetime: 'short-lived',
            scope: 'broad',
            write: true,
            production: false,
            reaches: ['oidc:any-audience'],
            note: 'any step can request an OIDC token; what it reaches depends on the cloud trust policies that accept it',
            at: input.permissions.at,
        });
    }
    credentials.push(...appTokens(input), ...secrets(input));
    return credentials;
}
function githubToken({ permissions, repository }) {
    const writes = writeScopes(permissions).filter((s) => s !== 'id-token');
    const narrow = writes.every((s) => CONVERSATION_SCOPES.includes(s));
    return {
        id: 'github-token',
        kind: 'github-token',
        name: 'GITHUB_TOKEN',
        lifetime: 'job-scoped',
        scope: narrow ? 'narrow' : 'broad',
        write: writes.length > 0,
        production: false,
        reaches: [`github:${repository ?? 'this-repository'}`],
        note: writes.length === 0
            ? 'read-only'
            : `write: ${writes.join(', ')}${permissions.assumed ? ' (repository default assumed permissive)' : ''}`,
        at: permissions.at,
    };
}
function appTokens({ workflow, job }) {
    return job.steps
        .filter((s) => s.uses && APP_TOKEN_ACTIONS.some((a) => actionMatches(s.uses?.split('@')[0] ?? '', a)))
        .map((s) => {
        const limited = s.with.some((w) => w.key.startsWith('permission-') || w.key === 'permissions');
        return {
            id: `app-token:${s.id ?? s.index}`,
            kind: 'app-token',
            name: `GitHub App token (step ${s.id ?? s.index + 1})`,
            lifetime: 'short-lived',
            scope: 'broad',
            write: true,
            production: false,
            reaches: ['github:app-installation'],
            note: limited
                ? 'permissions limited by permission-* inputs'
                : 'no permission-* inputs: every permission the App installation has',
            at: locate(workflow.source, [...s.at, 'uses']),
        };
    });
}
function secrets(input) {
    const byName = new Map();
    for (const use of input.secretUses) {
        if (use.name === 'GITHUB_TOKEN')
            continue;
        byName.set(use.name, [...(byName.get(use.name) ?? []), use]);
    }
    const result = [];
    if (input.job.secrets === 'inherit') {
        result.push({
            id: 'secrets:inherit',
            kind: 'inherited-secrets',
            name: 'secrets: inherit',
            lifetime: 'long-lived',
            scope: 'broad',
            write: true,
            production: false,
            reaches: ['unknown'],
            note: 'every organization, repository and environment secret of the caller',
            at: locate(input.workflow.source, [...input.job.at, 'secrets']),
        });
    }
    for (const [name, uses] of byName) {
        const first = uses[0];
        if (!first)
            continue;
        if (name === '*') {
            result.push({
                id: 'secrets:*',
                kind: 'static-secret',
                name: first.form === 'all' ? 'toJSON(secrets)' : 'secrets[<dynamic>]',
                lifetime: 'long-lived',
                scope: 'broad',
                write: true,
                production: true,
                reaches: ['unknown'],
                note: 'all secrets of the repository are exposed to this job',
                at: first.at,
            });
            continue;
        }
        const provider = modelProvider(name, uses, input.agents);
        const pat = PAT_NAME.test(name) ||
            uses.some((u) => u.into.key !== undefined && TOKEN_INPUT.test(u.into.key));
        result.push({
            id: `secret:${name}`,
            kind: pat && !provider ? 'pat' : 'static-secret',
            name,
            lifetime: 'long-lived',
            scope: provider ? 'narrow' : 'broad',
            write: provider ? false : true,
            production: nameLooksLike(name, input.productionPatterns),
            reaches: provider
                ? [`model-provider:${provider}`]
                : pat
                    ? ['github:unknown-scope']
                    : CLOUD_KEY.test(name)
                        ? ['cloud:static-key']
                        : ['unknown'],
            note: provider
                ? `model API key passed only to the ${provider} agent that uses it`
                : pat
                    ? 'used as a GitHub token: a long-lived token whose scope the workflow cannot show'
                    : 'long-lived secret; its reach is not visible from the workflow',
            at: first.at,
        });
    }
    return result;
}
/**
 * An agent's own model key is narrow: every reference sits in a step that runs that agent,
 * and the name is one the agent consumes (or it goes into an API-key input of the agent).
 */
function modelProvider(name, uses, agents) {
    let vendor;
    for (const use of uses) {
        if (use.reach === 'job')
            return undefined;
        const onStep = agents.filter((a) => a.step === use.reach);
        const owner = onStep.find((a) => {
            const compiled = AGENTS.find((c) => c.entry.id === a.id);
            if (!compiled)
                return false;
            if (compiled.secretNames.includes(name))
                return true;
            return (use.into.kind === 'input' &&
                use.into.key !== undefined &&
                MODEL_KEY_INPUT.test(use.into.key));
        });
        if (!owner)
            return undefined;
        const v = AGENTS.find((c) => c.entry.id === owner.id)?.entry.vendor.toLowerCase();
        if (vendor !== undefined && v !== vendor)
            return undefined;
        vendor = v;
    }
    return vendor;
}
function isCloudKey(name) {
    return CLOUD_KEY.test(name);
}

;// CONCATENATED MODULE: ./src/inventory/secret-flow.ts


function collectSecretUses(workflow, job) {
    const uses = [];
    const src = workflow.source;
    const fromEntries = (entries, reach, kind) => {
        for (const entry of entries) {
            for (const ref of findSecretReferences(entry.value)) {
                uses.push({
                    name: ref.name,
                    form: ref.form,
                    reach,
                    into: { kind, key: entry.key },
                    at: locate(src, entry.at),
                });
            }
        }
    };
    const fromText = (text, path, reach, kind) => {
        if (!text)
            return;
        for (const ref of findSecretReferences(text)) {
            uses.push({
                name: ref.name,
                form: ref.form,
                reach,
                into: { kind, key: undefined },
                at: locate(src, path),
            });
        }
    };
    fromEntries(workflow.env, 'job', 'env');
    fromEntries(job.env, 'job', 'env');
    fromEntries(job.with, 'job', 'input');
    if (Array.isArray(job.secrets))
        fromEntries(job.secrets, 'job', 'secret');
    fromText(job.if, [...job.at, 'if'], 'job', 'condition');
    for (const step of job.steps) {
        fromEntries(step.env, step.index, 'env');
        fromEntries(step.with, step.index, 'input');
        fromText(step.run, [...step.at, 'run'], step.index, 'script');
        fromText(step.if, [...step.at, 'if'], step.index, 'condition');
    }
    return uses;
}

;// CONCATENATED MODULE: ./src/inventory/build-inventory.ts











/** Events whose runs nobody attends at the moment they start (DESIGN.md §4). */
const UNATTENDED_EVENTS = new Set([
    'schedule',
    'workflow_run',
    'repository_dispatch',
    'issue_comment',
    'issues',
    'pull_request_review_comment',
    'pull_request_target',
    'discussion',
    'discussion_comment',
]);
function buildInventory(workflow, context, options, jobIds) {
    const jobs = jobIds ? jobIds.map((id) => findJob(workflow, id)) : workflow.jobs;
    return jobs.map((job) => buildJobInventory(workflow, job, context, options));
}
function findJob(workflow, id) {
    const job = workflow.jobs.find((j) => j.id === id);
    if (!job) {
        throw new InputError(`unknown job \`${id}\`; the workflow has: ${workflow.jobs.map((j) => j.id).join(', ')}`, {
            location: locate(workflow.source, ['jobs'], { key: true }),
        });
    }
    return job;
}
function buildJobInventory(workflow, job, context, options) {
    const src = workflow.source;
    const triggers = context.event
        ? [context.event]
        : [...new Set(workflow.triggers.map((t) => t.event))];
    const permissions = effectivePermissions(workflow, job, context);
    const agents = detectAgents(workflow, job);
    const secretUses = collectSecretUses(workflow, job);
    const credentials = buildCredentials({
        workflow,
        job,
        permissions,
        secretUses,
        agents,
        productionPatterns: options.productionPatterns,
        repository: context.repository,
    });
    const environment = job.environment
        ? {
            name: job.environment.name,
            dynamic: isDynamic(job.environment.name),
            at: locate(src, job.environment.at),
        }
        : undefined;
    const paths = buildActionPaths({
        workflow,
        job,
        context,
        permissions,
        credentials,
        secretUses,
        environment,
        productionPatterns: options.productionPatterns,
        agents,
    });
    const unattendedReasons = [
        ...agents.map((a) => `AI agent ${a.id} runs in the job`),
        ...triggers
            .filter((t) => UNATTENDED_EVENTS.has(t) || t.startsWith('discussion'))
            .map((t) => `triggered by ${t}`),
        ...[context.actor, context.triggeringActor]
            .filter(isBotOrAgent)
            .map((a) => `actor ${a} is a bot or agent`),
    ];
    const uses = [];
    if (job.uses)
        uses.push(parseUses(job.uses, {
            jobLevel: true,
            step: undefined,
            at: locate(src, [...job.at, 'uses']),
        }));
    for (const step of job.steps) {
        if (step.uses)
            uses.push(parseUses(step.uses, {
                jobLevel: false,
                step: step.index,
                at: locate(src, [...step.at, 'uses']),
            }));
    }
    const runs = job.steps
        .filter((s) => s.run !== undefined)
        .map((s) => ({
        step: s.index,
        name: s.name,
        shell: s.shell,
        script: s.run ?? '',
        at: locate(src, [...s.at, 'run']),
    }));
    const gaps = [];
    if (job.uses)
        gaps.push(`reusable workflow ${job.uses} is not analysed; only what the call passes to it is`);
    if (permissions.assumed)
        gaps.push('repository default token permissions unknown; permissive (write) assumed');
    for (const u of uses) {
        if (u.kind === 'local')
            gaps.push(`local action ${u.raw} is not analysed`);
    }
    const present = new Set(paths.map((p) => p.class));
    return {
        workflow: workflow.path,
        job: job.id,
        name: job.name,
        at: locate(src, job.at, { key: true }),
        triggers,
        actor: context.actor,
        unattended: unattendedReasons.length > 0,
        unattendedReasons: [...new Set(unattendedReasons)],
        environment,
        runsOn: job.runsOn,
        permissions,
        credentials,
        uses,
        runs,
        agents,
        targets: [
            ...new Set([...paths.map((p) => p.target), ...credentials.flatMap((c) => c.reaches)].filter((t) => t !== undefined)),
        ].sort(),
        classes: ACTION_CLASSES.filter((c) => present.has(c)),
        paths,
        gaps,
    };
}

;// CONCATENATED MODULE: ./src/context/run-context.ts
const EMPTY_CONTEXT = {
    event: undefined,
    actor: undefined,
    triggeringActor: undefined,
    ref: undefined,
    sha: undefined,
    repository: undefined,
    defaultBranch: undefined,
    pullRequest: undefined,
    changedFiles: undefined,
    defaultPermissions: 'unknown',
    policyFile: undefined,
};
/** The branch name of a ref (`refs/heads/x` → `x`), or undefined for tags and others. */
function branchOf(ref) {
    if (ref?.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    return undefined;
}

;// CONCATENATED MODULE: ./src/policy/match.ts
/**
 * Whether a policy rule's `when` matches an action path of a job. Every given matcher must
 * match; a list matches when any of its values does. A matcher on something the run does
 * not tell (actor, branch in the CLI) does not match.
 */


function matchesWhen(when, path, job, context) {
    if (when.class && !when.class.includes(path.class))
        return false;
    if (when.agent !== undefined) {
        const ok = typeof when.agent === 'boolean'
            ? job.agents.length > 0 === when.agent
            : job.agents.some((a) => when.agent.includes(a.id));
        if (!ok)
            return false;
    }
    if (when.trigger && !job.triggers.some((t) => matchesAnyGlob(t, when.trigger ?? [])))
        return false;
    if (when.unattended !== undefined && job.unattended !== when.unattended)
        return false;
    if (when.credential && !matchesCredential(when.credential, pathCredentials(path, job)))
        return false;
    if (when.environment !== undefined) {
        const ok = typeof when.environment === 'boolean'
            ? (job.environment !== undefined) === when.environment
            : job.environment !== undefined &&
                matchesAnyGlob(job.environment.name, when.environment, true);
        if (!ok)
            return false;
    }
    if (when.uses) {
        const uses = path.uses;
        if (!uses ||
            !(matchesAnyGlob(uses, when.uses, true) ||
                matchesAnyGlob(uses.split('@')[0] ?? uses, when.uses, true)))
            return false;
    }
    if (when.actor) {
        const actors = [context.actor, context.triggeringActor].filter((a) => a !== undefined);
        if (!actors.some((a) => matchesAnyGlob(a, when.actor ?? [], true)))
            return false;
    }
    if (when.branch) {
        const branch = branchOf(context.ref);
        if (branch === undefined || !matchesAnyGlob(branch, when.branch))
            return false;
    }
    return true;
}
function pathCredentials(path, job) {
    return job.credentials.filter((c) => path.credentials.includes(c.id));
}
/** Tags a credential carries for `when.credential`. */
function credentialTags(c) {
    const tags = [c.kind, c.scope, c.lifetime];
    if (c.write)
        tags.push('write');
    if (c.production)
        tags.push('production');
    return tags;
}
function matchesCredential(wanted, credentials) {
    return wanted.some((tag) => {
        if (tag === 'read-only')
            return credentials.every((c) => !c.write);
        if (tag.startsWith('name:'))
            return credentials.some((c) => matchesAnyGlob(c.name, [tag.slice(5)], true));
        return credentials.some((c) => credentialTags(c).includes(tag));
    });
}

;// CONCATENATED MODULE: ./src/policy/types.ts
const SEVERITY = {
    allow: 0,
    'approval-required': 1,
    blocked: 2,
};
function mostSevere(values) {
    let worst = 'allow';
    for (const v of values)
        if (SEVERITY[v] > SEVERITY[worst])
            worst = v;
    return worst;
}

;// CONCATENATED MODULE: ./src/policy/decide.ts



function decide(jobs, policy, options) {
    const expired = policy.waivers.filter((w) => isExpired(w, options.now));
    const active = policy.waivers.filter((w) => !isExpired(w, options.now));
    const applied = [];
    const verdicts = jobs.map((job) => {
        const paths = job.paths.map((path) => decidePath(path, job, policy, active, applied, options.context));
        return {
            workflow: job.workflow,
            job: job.job,
            decision: mostSevere(paths.map((p) => p.decision)),
            paths,
        };
    });
    const reasons = [];
    if (options.enforcement &&
        options.enforcement.mode === 'enforce' &&
        options.enforcement.evidence === 'none' &&
        policy.evidenceRequired) {
        reasons.push('evidence is disabled (`evidence: none`) while enforcing: the policy requires a durable proof trail');
    }
    const findings = verdicts.flatMap((v) => v.paths.filter((p) => p.decision !== 'allow').map((p) => toFinding(p, v)));
    const usedWaivers = new Set(applied.map((a) => a.waiver));
    return {
        decision: mostSevere([
            ...verdicts.map((v) => v.decision),
            ...(reasons.length > 0 ? ['blocked'] : []),
        ]),
        jobs: verdicts,
        findings,
        waivers: {
            applied,
            expired: expired.map((waiver) => ({
                waiver,
                message: `waiver for rule ${waiver.rule} (owner ${waiver.owner}) expired on ${waiver.expires} and no longer applies`,
            })),
            unused: active.filter((w) => !usedWaivers.has(w)),
        },
        reasons,
    };
}
function decidePath(path, job, policy, waivers, applied, context) {
    const matching = policy.rules.filter((rule) => matchesWhen(rule.when, path, job, context));
    const waivedRules = [];
    const effective = [];
    for (const rule of matching) {
        const waiver = rule.decision === 'allow'
            ? undefined
            : waivers.find((w) => w.rule === rule.id && waiverCovers(w, job));
        if (waiver) {
            waivedRules.push(rule.id);
            applied.push({ waiver, path: path.id });
        }
        else {
            effective.push(rule);
        }
    }
    if (effective.length === 0) {
        const reason = waivedRules.length > 0
            ? `rule(s) ${waivedRules.join(', ')} waived; policy default`
            : 'no rule matches; policy default';
        return { path, decision: policy.default, rule: undefined, reason, waivedRules };
    }
    const worst = effective.reduce((a, b) => (SEVERITY[b.decision] > SEVERITY[a.decision] ? b : a));
    return { path, decision: worst.decision, rule: worst.id, reason: worst.reason, waivedRules };
}
function waiverCovers(waiver, job) {
    if (waiver.job !== undefined && !matchesGlob(job.job, waiver.job))
        return false;
    if (waiver.workflow !== undefined &&
        !matchesGlob(job.workflow, waiver.workflow) &&
        !job.workflow.endsWith(`/${waiver.workflow}`))
        return false;
    return true;
}
/** A waiver applies through the whole UTC day of `expires`. */
function isExpired(waiver, now) {
    const end = Date.parse(`${waiver.expires}T23:59:59.999Z`);
    return Number.isNaN(end) || now.getTime() > end;
}
function toFinding(p, v) {
    return {
        ruleId: p.rule ?? 'policy-default',
        decision: p.decision,
        message: `${p.path.class}: ${p.path.reason} — ${p.reason}`,
        workflow: v.workflow,
        job: v.job,
        class: p.path.class,
        location: p.path.at,
    };
}

;// CONCATENATED MODULE: ./src/workflow/build-model.ts
/**
 * Builds the typed workflow model from a parsed YAML file. Shape errors that GitHub itself
 * would reject (a document that is not a workflow, jobs or steps that are not maps) are
 * input errors with a location; everything else is kept as written for the inventory.
 */


function parseWorkflow(path, text) {
    return buildWorkflow(parseYamlSource(path, text));
}
function buildWorkflow(source) {
    const fail = (message, at, key = false) => {
        throw new InputError(message, { location: locate(source, at, { key }) });
    };
    const root = source.data;
    if (!isMap(root))
        fail('not a workflow: the document is not a map', []);
    const data = root;
    if (!('on' in data))
        fail('not a workflow: no `on:` trigger', []);
    if (!isMap(data.jobs))
        fail('not a workflow: no `jobs:` map', isMap(data) && 'jobs' in data ? ['jobs'] : []);
    const jobsData = data.jobs;
    if (Object.keys(jobsData).length === 0)
        fail('`jobs:` is empty', ['jobs']);
    const jobs = Object.entries(jobsData).map(([id, value]) => {
        if (!isMap(value))
            fail(`job \`${id}\` is not a map`, ['jobs', id]);
        return buildJob(id, value, fail);
    });
    return {
        source,
        path: source.path,
        name: optionalString(data.name),
        triggers: buildTriggers(data.on, fail),
        permissions: buildPermissions(data.permissions, ['permissions'], fail),
        env: build_model_entries(data.env, ['env']),
        jobs,
    };
}
function buildTriggers(on, fail) {
    const at = ['on'];
    if (typeof on === 'string')
        return [trigger(on, undefined, at)];
    if (Array.isArray(on)) {
        return on.map((event, i) => {
            if (typeof event !== 'string')
                fail('a trigger in `on:` is not an event name', ['on', i]);
            return trigger(event, undefined, ['on', i]);
        });
    }
    if (isMap(on)) {
        return Object.entries(on).map(([event, config]) => trigger(event, config, ['on', event]));
    }
    return fail('`on:` must be an event name, a list or a map', at);
}
function trigger(event, config, at) {
    const filters = isMap(config) ? config : {};
    return {
        event,
        types: stringList(filters.types),
        branches: stringList(filters.branches),
        at,
    };
}
const LEVELS = ['read', 'write', 'none'];
function buildPermissions(value, at, fail) {
    if (value === undefined || value === null)
        return undefined;
    if (value === 'read-all')
        return { kind: 'read-all', at };
    if (value === 'write-all')
        return { kind: 'write-all', at };
    if (!isMap(value))
        return fail('`permissions:` must be read-all, write-all or a map of scopes', at);
    const scopes = {};
    for (const [scope, level] of Object.entries(value)) {
        if (typeof level !== 'string' || !LEVELS.includes(level)) {
            fail(`permission \`${scope}\` must be read, write or none`, [...at, scope]);
        }
        scopes[scope] = level;
    }
    return { kind: 'scopes', scopes, at };
}
function buildJob(id, data, fail) {
    const at = ['jobs', id];
    const stepsData = data.steps;
    if (stepsData !== undefined && !Array.isArray(stepsData))
        fail(`job \`${id}\`: \`steps:\` is not a list`, [...at, 'steps']);
    const steps = (stepsData ?? []).map((step, index) => {
        if (!isMap(step))
            fail(`job \`${id}\`: step ${index + 1} is not a map`, [...at, 'steps', index]);
        return buildStep(step, index, [...at, 'steps', index]);
    });
    return {
        id,
        name: optionalString(data.name),
        runsOn: runsOn(data['runs-on']),
        environment: environment(data.environment, [...at, 'environment']),
        container: container(data.container, [...at, 'container']),
        timeoutMinutes: typeof data['timeout-minutes'] === 'number'
            ? data['timeout-minutes']
            : optionalString(data['timeout-minutes']),
        if: optionalString(data.if),
        needs: stringList(data.needs),
        permissions: buildPermissions(data.permissions, [...at, 'permissions'], fail),
        env: build_model_entries(data.env, [...at, 'env']),
        uses: optionalString(data.uses),
        with: build_model_entries(data.with, [...at, 'with']),
        secrets: data.secrets === 'inherit'
            ? 'inherit'
            : isMap(data.secrets)
                ? build_model_entries(data.secrets, [...at, 'secrets'])
                : undefined,
        steps,
        at,
    };
}
function buildStep(data, index, at) {
    return {
        index,
        id: optionalString(data.id),
        name: optionalString(data.name),
        uses: optionalString(data.uses),
        run: optionalString(data.run),
        shell: optionalString(data.shell),
        if: optionalString(data.if),
        workingDirectory: optionalString(data['working-directory']),
        with: build_model_entries(data.with, [...at, 'with']),
        env: build_model_entries(data.env, [...at, 'env']),
        at,
    };
}
function runsOn(value) {
    if (isMap(value)) {
        // `runs-on: { group: …, labels: … }`
        return [...stringList(value.group).map((g) => `group:${g}`), ...stringList(value.labels)];
    }
    return stringList(value);
}
function environment(value, at) {
    if (value === undefined || value === null)
        return undefined;
    if (isMap(value)) {
        const name = optionalString(value.name);
        return name === undefined
            ? undefined
            : { name, url: optionalString(value.url), at: [...at, 'name'] };
    }
    const name = optionalString(value);
    return name === undefined ? undefined : { name, url: undefined, at };
}
function container(value, at) {
    if (typeof value === 'string')
        return { image: value, at };
    if (isMap(value) && typeof value.image === 'string')
        return { image: value.image, at: [...at, 'image'] };
    return undefined;
}
/** A map of scalars as entries; non-scalar values are kept as JSON text. */
function build_model_entries(value, at) {
    if (!isMap(value))
        return [];
    return Object.entries(value).map(([key, v]) => ({ key, value: scalarText(v), at: [...at, key] }));
}
function scalarText(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}
function optionalString(value) {
    if (value === undefined || value === null)
        return undefined;
    return scalarText(value);
}
function stringList(value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value.map(scalarText);
    return [scalarText(value)];
}
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/evaluate.ts



function evaluateWorkflow(input) {
    const workflow = parseWorkflow(input.path, input.text);
    const inventory = buildInventory(workflow, input.context, { productionPatterns: input.policy.production }, input.jobs);
    const decision = decide(inventory, input.policy, {
        context: input.context,
        now: input.now,
        enforcement: input.enforcement,
    });
    return { workflow, inventory, decision };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/generated/presets.ts
// Generated by scripts/generate.mjs from policies/ — do not edit.
/** Preset policies shipped in policies/, by name, as their YAML text. */
const PRESETS = {
    "baseline": "# agent-gate baseline preset — the approval posture most teams start with (DESIGN.md §5).\n#\n#   allow              read; comment with narrow credentials; shell without write credentials\n#   approval-required  write-branch, secrets or cloud credentials in unattended jobs;\n#                      modify-workflow, publish, deploy, production; tools with write reach\n#   blocked            bypass-checks, destructive, production secrets with no approval path,\n#                      an enforcing gate with evidence disabled\n#\n# Anything no rule matches is allowed; extend this file and set `default:` to tighten that.\nversion: 1\ndefault: allow\nproduction: [prod, production, prd, live]\nevidence:\n  required: true\nrules:\n  - id: allow-read\n    when: { class: read }\n    decision: allow\n    reason: Reading the repository, running tests and builds is low risk.\n  - id: allow-narrow-comment\n    when: { class: comment, credential: narrow }\n    decision: allow\n    reason: Commenting with a credential that can only comment is low risk.\n  - id: allow-shell-without-write\n    when: { class: run-shell, credential: read-only }\n    decision: allow\n    reason: Shell steps that hold no write credential cannot change anything outside the runner.\n\n  - id: block-bypass-checks\n    when: { class: bypass-checks }\n    decision: blocked\n    reason: Bypassing branch protection or required checks is never automated.\n  - id: block-destructive\n    when: { class: destructive }\n    decision: blocked\n    reason: Destructive actions without a recovery path are blocked.\n  - id: block-production-secret-without-environment\n    when: { class: use-secret, credential: production, environment: false }\n    decision: blocked\n    reason: Production secrets may only be used in a job bound to a protected environment (an approval path).\n\n  - id: approve-publish\n    when: { class: publish }\n    decision: approval-required\n    reason: Publishing a package or release needs a human approval.\n  - id: approve-deploy\n    when: { class: deploy }\n    decision: approval-required\n    reason: Deployments need a human approval.\n  - id: approve-production\n    when: { class: production }\n    decision: approval-required\n    reason: Production-adjacent actions need a human approval.\n  - id: approve-modify-workflow\n    when: { class: modify-workflow }\n    decision: approval-required\n    reason: Changes to workflows, actions, CODEOWNERS or the gate's policy need a human approval.\n  - id: approve-unattended-branch-write\n    when: { class: write-branch, unattended: true }\n    decision: approval-required\n    reason: Branch writes from unattended jobs (agents, bots, comment or scheduled triggers) need a human approval.\n  - id: approve-unattended-secret\n    when: { class: use-secret, unattended: true, credential: broad }\n    decision: approval-required\n    reason: Broad secrets in unattended jobs need a human approval.\n  - id: approve-unattended-cloud-credential\n    when: { class: cloud-credential, unattended: true }\n    decision: approval-required\n    reason: Cloud credentials in unattended jobs need a human approval.\n  - id: approve-tool-write\n    when: { class: call-tool, credential: write }\n    decision: approval-required\n    reason: Tools (MCP servers) that can change things need a human approval.\n",
    "strict": "# agent-gate strict preset — for repositories where every action path must be explicitly\n# allowed. Builds on baseline: whatever no rule allows needs approval, and agents may never\n# publish, deploy, touch production or change workflows.\nversion: 1\nextends: baseline\ndefault: approval-required\nrules:\n  - id: block-agent-publish\n    when: { class: publish, agent: true }\n    decision: blocked\n    reason: AI agents never publish packages or releases; publish from a separate, attended job.\n  - id: block-agent-deploy\n    when: { class: [deploy, production], agent: true }\n    decision: blocked\n    reason: AI agents never deploy or reach production; deploy from a separate, attended job.\n  - id: block-agent-modify-workflow\n    when: { class: modify-workflow, agent: true }\n    decision: blocked\n    reason: AI agents never hold authority to change workflows.\n  - id: block-unattended-pat\n    when: { class: use-secret, unattended: true, credential: [pat, inherited-secrets] }\n    decision: blocked\n    reason: Long-lived GitHub tokens and inherited secrets never reach unattended jobs; use a scoped App token.\n",
};

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(6214);
;// CONCATENATED MODULE: ./src/generated/policy-validator.js
// Generated by scripts/generate.mjs from policies/ — do not edit.
/* eslint-disable */

const validate = (/* unused pure expression or super */ null && (validate20));
/* harmony default export */ const policy_validator = (validate20);
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://agent-gate.dev/schemas/policy-v1.json","title":"agent-gate policy","description":"Maps the action paths of CI jobs (and the AI agents in them) to allow, approval-required or blocked.","type":"object","additionalProperties":false,"required":["version"],"properties":{"version":{"const":1,"description":"Policy format version."},"extends":{"description":"Preset name(s) (baseline, strict) or path(s) relative to this file; later entries and this file override earlier ones.","oneOf":[{"$ref":"#/$defs/policyRef"},{"type":"array","items":{"$ref":"#/$defs/policyRef"},"minItems":1,"maxItems":16}]},"default":{"$ref":"#/$defs/decision","description":"Decision for an action path no rule matches."},"production":{"description":"Name patterns (glob, case-insensitive, matched against whole names and their words) of production environments, targets and secrets.","type":"array","items":{"type":"string","minLength":1,"maxLength":100},"maxItems":100},"evidence":{"type":"object","additionalProperties":false,"properties":{"required":{"type":"boolean","description":"An enforcing gate with evidence disabled is blocked (no durable proof trail)."}}},"rules":{"type":"array","items":{"$ref":"#/$defs/rule"},"maxItems":500},"approval":{"type":"object","additionalProperties":false,"properties":{"approvers":{"description":"Users (login) and org teams (@org/team) who may approve; CODEOWNERS of the workflow when omitted.","type":"array","items":{"type":"string","pattern":"^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9_.-]+)?$"},"minItems":1,"maxItems":100},"min-approvals":{"type":"integer","minimum":1,"maximum":10},"timeout-minutes":{"type":"integer","minimum":1,"maximum":43200}}},"waivers":{"type":"array","items":{"$ref":"#/$defs/waiver"},"maxItems":500}},"$defs":{"policyRef":{"type":"string","minLength":1,"maxLength":500},"decision":{"enum":["allow","approval-required","blocked"]},"ruleId":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]{0,79}$"},"actionClass":{"enum":["read","comment","write-branch","modify-workflow","run-shell","use-secret","cloud-credential","call-tool","publish","deploy","production","destructive","bypass-checks"]},"credentialTag":{"anyOf":[{"enum":["github-token","oidc","app-token","static-secret","pat","inherited-secrets","narrow","broad","write","production","job-scoped","short-lived","long-lived","read-only"]},{"type":"string","pattern":"^name:[A-Za-z0-9_*?-]+$"}]},"patterns":{"oneOf":[{"type":"string","minLength":1,"maxLength":200},{"type":"array","items":{"type":"string","minLength":1,"maxLength":200},"minItems":1,"maxItems":100}]},"when":{"type":"object","additionalProperties":false,"description":"Every given matcher must match; a list matches when any of its values does.","properties":{"class":{"oneOf":[{"$ref":"#/$defs/actionClass"},{"type":"array","items":{"$ref":"#/$defs/actionClass"},"minItems":1}]},"agent":{"description":"true: an AI agent runs in the job; false: none does; id(s): one of these agents does.","oneOf":[{"type":"boolean"},{"type":"string","pattern":"^[a-z0-9-]+$"},{"type":"array","items":{"type":"string","pattern":"^[a-z0-9-]+$"},"minItems":1}]},"trigger":{"$ref":"#/$defs/patterns"},"unattended":{"type":"boolean"},"credential":{"description":"The path can use a credential with one of these tags (kind, narrow/broad, write, production, lifetime) or names (name:GLOB).","oneOf":[{"$ref":"#/$defs/credentialTag"},{"type":"array","items":{"$ref":"#/$defs/credentialTag"},"minItems":1}]},"environment":{"description":"true: the job has an environment; false: it has none; pattern(s): its name matches.","oneOf":[{"type":"boolean"},{"$ref":"#/$defs/patterns"}]},"uses":{"$ref":"#/$defs/patterns"},"actor":{"$ref":"#/$defs/patterns"},"branch":{"$ref":"#/$defs/patterns"}}},"rule":{"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"$ref":"#/$defs/ruleId"},"description":{"type":"string","maxLength":1000},"when":{"$ref":"#/$defs/when"},"decision":{"$ref":"#/$defs/decision"},"reason":{"type":"string","minLength":1,"maxLength":1000},"enabled":{"type":"boolean","description":"false disables a rule of the same id from an extended policy."}},"if":{"properties":{"enabled":{"const":false}},"required":["enabled"]},"then":{},"else":{"required":["when","decision","reason"]}},"waiver":{"type":"object","additionalProperties":false,"required":["rule","owner","expires","reason"],"properties":{"rule":{"$ref":"#/$defs/ruleId"},"workflow":{"type":"string","minLength":1,"maxLength":300,"description":"Workflow path glob; any when omitted."},"job":{"type":"string","minLength":1,"maxLength":200,"description":"Job id glob; any when omitted."},"owner":{"type":"string","minLength":1,"maxLength":200},"expires":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","description":"Last day (UTC) the waiver applies."},"reason":{"type":"string","minLength":1,"maxLength":1000}}}}};
const schema32 = {"type":"string","minLength":1,"maxLength":500};
const schema34 = {"enum":["allow","approval-required","blocked"]};
const func1 = (ucs2length["default"] ?? ucs2length);
const schema35 = {"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"$ref":"#/$defs/ruleId"},"description":{"type":"string","maxLength":1000},"when":{"$ref":"#/$defs/when"},"decision":{"$ref":"#/$defs/decision"},"reason":{"type":"string","minLength":1,"maxLength":1000},"enabled":{"type":"boolean","description":"false disables a rule of the same id from an extended policy."}},"if":{"properties":{"enabled":{"const":false}},"required":["enabled"]},"then":{},"else":{"required":["when","decision","reason"]}};
const schema36 = {"type":"string","pattern":"^[a-z0-9][a-z0-9-]{0,79}$"};
const pattern4 = new RegExp("^[a-z0-9][a-z0-9-]{0,79}$", "u");
const schema37 = {"type":"object","additionalProperties":false,"description":"Every given matcher must match; a list matches when any of its values does.","properties":{"class":{"oneOf":[{"$ref":"#/$defs/actionClass"},{"type":"array","items":{"$ref":"#/$defs/actionClass"},"minItems":1}]},"agent":{"description":"true: an AI agent runs in the job; false: none does; id(s): one of these agents does.","oneOf":[{"type":"boolean"},{"type":"string","pattern":"^[a-z0-9-]+$"},{"type":"array","items":{"type":"string","pattern":"^[a-z0-9-]+$"},"minItems":1}]},"trigger":{"$ref":"#/$defs/patterns"},"unattended":{"type":"boolean"},"credential":{"description":"The path can use a credential with one of these tags (kind, narrow/broad, write, production, lifetime) or names (name:GLOB).","oneOf":[{"$ref":"#/$defs/credentialTag"},{"type":"array","items":{"$ref":"#/$defs/credentialTag"},"minItems":1}]},"environment":{"description":"true: the job has an environment; false: it has none; pattern(s): its name matches.","oneOf":[{"type":"boolean"},{"$ref":"#/$defs/patterns"}]},"uses":{"$ref":"#/$defs/patterns"},"actor":{"$ref":"#/$defs/patterns"},"branch":{"$ref":"#/$defs/patterns"}}};
const schema38 = {"enum":["read","comment","write-branch","modify-workflow","run-shell","use-secret","cloud-credential","call-tool","publish","deploy","production","destructive","bypass-checks"]};
const schema40 = {"oneOf":[{"type":"string","minLength":1,"maxLength":200},{"type":"array","items":{"type":"string","minLength":1,"maxLength":200},"minItems":1,"maxItems":100}]};
const schema41 = {"anyOf":[{"enum":["github-token","oidc","app-token","static-secret","pat","inherited-secrets","narrow","broad","write","production","job-scoped","short-lived","long-lived","read-only"]},{"type":"string","pattern":"^name:[A-Za-z0-9_*?-]+$"}]};
const func8 = Object.prototype.hasOwnProperty;
const pattern5 = new RegExp("^[a-z0-9-]+$", "u");
const pattern7 = new RegExp("^name:[A-Za-z0-9_*?-]+$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func8.call(schema37.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.class !== undefined){
let data0 = data.class;
const _errs3 = errors;
let valid1 = false;
let passing0 = null;
const _errs4 = errors;
if(!(((((((((((((data0 === "read") || (data0 === "comment")) || (data0 === "write-branch")) || (data0 === "modify-workflow")) || (data0 === "run-shell")) || (data0 === "use-secret")) || (data0 === "cloud-credential")) || (data0 === "call-tool")) || (data0 === "publish")) || (data0 === "deploy")) || (data0 === "production")) || (data0 === "destructive")) || (data0 === "bypass-checks"))){
const err1 = {instancePath:instancePath+"/class",schemaPath:"#/$defs/actionClass/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs4 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs6 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/class",schemaPath:"#/properties/class/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(!(((((((((((((data1 === "read") || (data1 === "comment")) || (data1 === "write-branch")) || (data1 === "modify-workflow")) || (data1 === "run-shell")) || (data1 === "use-secret")) || (data1 === "cloud-credential")) || (data1 === "call-tool")) || (data1 === "publish")) || (data1 === "deploy")) || (data1 === "production")) || (data1 === "destructive")) || (data1 === "bypass-checks"))){
const err3 = {instancePath:instancePath+"/class/" + i0,schemaPath:"#/$defs/actionClass/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/class",schemaPath:"#/properties/class/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs6 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err5 = {instancePath:instancePath+"/class",schemaPath:"#/properties/class/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
if(data.agent !== undefined){
let data2 = data.agent;
const _errs11 = errors;
let valid6 = false;
let passing1 = null;
const _errs12 = errors;
if(typeof data2 !== "boolean"){
const err6 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/oneOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs12 === errors;
if(_valid1){
valid6 = true;
passing1 = 0;
}
const _errs14 = errors;
if(typeof data2 === "string"){
if(!pattern5.test(data2)){
const err7 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/oneOf/1/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z0-9-]+$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid1 = _errs14 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid6 = true;
passing1 = 1;
}
const _errs16 = errors;
if(Array.isArray(data2)){
if(data2.length < 1){
const err9 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/oneOf/2/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
if(typeof data3 === "string"){
if(!pattern5.test(data3)){
const err10 = {instancePath:instancePath+"/agent/" + i1,schemaPath:"#/properties/agent/oneOf/2/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z0-9-]+$"+"\""};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/agent/" + i1,schemaPath:"#/properties/agent/oneOf/2/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/oneOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid1 = _errs16 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid6 = true;
passing1 = 2;
}
}
}
if(!valid6){
const err13 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
}
if(data.trigger !== undefined){
let data4 = data.trigger;
const _errs22 = errors;
let valid10 = false;
let passing2 = null;
const _errs23 = errors;
if(typeof data4 === "string"){
if(func1(data4) > 200){
const err14 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf/0/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func1(data4) < 1){
const err15 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid2 = _errs23 === errors;
if(_valid2){
valid10 = true;
passing2 = 0;
}
const _errs25 = errors;
if(Array.isArray(data4)){
if(data4.length > 100){
const err17 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data4.length < 1){
const err18 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
let data5 = data4[i2];
if(typeof data5 === "string"){
if(func1(data5) > 200){
const err19 = {instancePath:instancePath+"/trigger/" + i2,schemaPath:"#/$defs/patterns/oneOf/1/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(func1(data5) < 1){
const err20 = {instancePath:instancePath+"/trigger/" + i2,schemaPath:"#/$defs/patterns/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/trigger/" + i2,schemaPath:"#/$defs/patterns/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid2 = _errs25 === errors;
if(_valid2 && valid10){
valid10 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid10 = true;
passing2 = 1;
}
}
if(!valid10){
const err23 = {instancePath:instancePath+"/trigger",schemaPath:"#/$defs/patterns/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
else {
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
}
}
if(data.unattended !== undefined){
if(typeof data.unattended !== "boolean"){
const err24 = {instancePath:instancePath+"/unattended",schemaPath:"#/properties/unattended/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.credential !== undefined){
let data7 = data.credential;
const _errs32 = errors;
let valid13 = false;
let passing3 = null;
const _errs33 = errors;
const _errs35 = errors;
let valid15 = false;
const _errs36 = errors;
if(!((((((((((((((data7 === "github-token") || (data7 === "oidc")) || (data7 === "app-token")) || (data7 === "static-secret")) || (data7 === "pat")) || (data7 === "inherited-secrets")) || (data7 === "narrow")) || (data7 === "broad")) || (data7 === "write")) || (data7 === "production")) || (data7 === "job-scoped")) || (data7 === "short-lived")) || (data7 === "long-lived")) || (data7 === "read-only"))){
const err25 = {instancePath:instancePath+"/credential",schemaPath:"#/$defs/credentialTag/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema41.anyOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid4 = _errs36 === errors;
valid15 = valid15 || _valid4;
const _errs37 = errors;
if(typeof data7 === "string"){
if(!pattern7.test(data7)){
const err26 = {instancePath:instancePath+"/credential",schemaPath:"#/$defs/credentialTag/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^name:[A-Za-z0-9_*?-]+$"},message:"must match pattern \""+"^name:[A-Za-z0-9_*?-]+$"+"\""};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/credential",schemaPath:"#/$defs/credentialTag/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid4 = _errs37 === errors;
valid15 = valid15 || _valid4;
if(!valid15){
const err28 = {instancePath:instancePath+"/credential",schemaPath:"#/$defs/credentialTag/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
else {
errors = _errs35;
if(vErrors !== null){
if(_errs35){
vErrors.length = _errs35;
}
else {
vErrors = null;
}
}
}
var _valid3 = _errs33 === errors;
if(_valid3){
valid13 = true;
passing3 = 0;
}
const _errs39 = errors;
if(Array.isArray(data7)){
if(data7.length < 1){
const err29 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
const len3 = data7.length;
for(let i3=0; i3<len3; i3++){
let data8 = data7[i3];
const _errs43 = errors;
let valid19 = false;
const _errs44 = errors;
if(!((((((((((((((data8 === "github-token") || (data8 === "oidc")) || (data8 === "app-token")) || (data8 === "static-secret")) || (data8 === "pat")) || (data8 === "inherited-secrets")) || (data8 === "narrow")) || (data8 === "broad")) || (data8 === "write")) || (data8 === "production")) || (data8 === "job-scoped")) || (data8 === "short-lived")) || (data8 === "long-lived")) || (data8 === "read-only"))){
const err30 = {instancePath:instancePath+"/credential/" + i3,schemaPath:"#/$defs/credentialTag/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema41.anyOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid5 = _errs44 === errors;
valid19 = valid19 || _valid5;
const _errs45 = errors;
if(typeof data8 === "string"){
if(!pattern7.test(data8)){
const err31 = {instancePath:instancePath+"/credential/" + i3,schemaPath:"#/$defs/credentialTag/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^name:[A-Za-z0-9_*?-]+$"},message:"must match pattern \""+"^name:[A-Za-z0-9_*?-]+$"+"\""};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/credential/" + i3,schemaPath:"#/$defs/credentialTag/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var _valid5 = _errs45 === errors;
valid19 = valid19 || _valid5;
if(!valid19){
const err33 = {instancePath:instancePath+"/credential/" + i3,schemaPath:"#/$defs/credentialTag/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err34 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
var _valid3 = _errs39 === errors;
if(_valid3 && valid13){
valid13 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid13 = true;
passing3 = 1;
}
}
if(!valid13){
const err35 = {instancePath:instancePath+"/credential",schemaPath:"#/properties/credential/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
}
if(data.environment !== undefined){
let data9 = data.environment;
const _errs48 = errors;
let valid20 = false;
let passing4 = null;
const _errs49 = errors;
if(typeof data9 !== "boolean"){
const err36 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/oneOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid6 = _errs49 === errors;
if(_valid6){
valid20 = true;
passing4 = 0;
}
const _errs51 = errors;
const _errs53 = errors;
let valid22 = false;
let passing5 = null;
const _errs54 = errors;
if(typeof data9 === "string"){
if(func1(data9) > 200){
const err37 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf/0/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(func1(data9) < 1){
const err38 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid7 = _errs54 === errors;
if(_valid7){
valid22 = true;
passing5 = 0;
}
const _errs56 = errors;
if(Array.isArray(data9)){
if(data9.length > 100){
const err40 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data9.length < 1){
const err41 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
const len4 = data9.length;
for(let i4=0; i4<len4; i4++){
let data10 = data9[i4];
if(typeof data10 === "string"){
if(func1(data10) > 200){
const err42 = {instancePath:instancePath+"/environment/" + i4,schemaPath:"#/$defs/patterns/oneOf/1/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(func1(data10) < 1){
const err43 = {instancePath:instancePath+"/environment/" + i4,schemaPath:"#/$defs/patterns/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/environment/" + i4,schemaPath:"#/$defs/patterns/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid7 = _errs56 === errors;
if(_valid7 && valid22){
valid22 = false;
passing5 = [passing5, 1];
}
else {
if(_valid7){
valid22 = true;
passing5 = 1;
}
}
if(!valid22){
const err46 = {instancePath:instancePath+"/environment",schemaPath:"#/$defs/patterns/oneOf",keyword:"oneOf",params:{passingSchemas: passing5},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
else {
errors = _errs53;
if(vErrors !== null){
if(_errs53){
vErrors.length = _errs53;
}
else {
vErrors = null;
}
}
}
var _valid6 = _errs51 === errors;
if(_valid6 && valid20){
valid20 = false;
passing4 = [passing4, 1];
}
else {
if(_valid6){
valid20 = true;
passing4 = 1;
}
}
if(!valid20){
const err47 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/oneOf",keyword:"oneOf",params:{passingSchemas: passing4},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
}
if(data.uses !== undefined){
let data11 = data.uses;
const _errs62 = errors;
let valid26 = false;
let passing6 = null;
const _errs63 = errors;
if(typeof data11 === "string"){
if(func1(data11) > 200){
const err48 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf/0/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(func1(data11) < 1){
const err49 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var _valid8 = _errs63 === errors;
if(_valid8){
valid26 = true;
passing6 = 0;
}
const _errs65 = errors;
if(Array.isArray(data11)){
if(data11.length > 100){
const err51 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(data11.length < 1){
const err52 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
const len5 = data11.length;
for(let i5=0; i5<len5; i5++){
let data12 = data11[i5];
if(typeof data12 === "string"){
if(func1(data12) > 200){
const err53 = {instancePath:instancePath+"/uses/" + i5,schemaPath:"#/$defs/patterns/oneOf/1/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(func1(data12) < 1){
const err54 = {instancePath:instancePath+"/uses/" + i5,schemaPath:"#/$defs/patterns/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/uses/" + i5,schemaPath:"#/$defs/patterns/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
var _valid8 = _errs65 === errors;
if(_valid8 && valid26){
valid26 = false;
passing6 = [passing6, 1];
}
else {
if(_valid8){
valid26 = true;
passing6 = 1;
}
}
if(!valid26){
const err57 = {instancePath:instancePath+"/uses",schemaPath:"#/$defs/patterns/oneOf",keyword:"oneOf",params:{passingSchemas: passing6},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
else {
errors = _errs62;
if(vErrors !== null){
if(_errs62){
vErrors.length = _errs62;
}
else {
vErrors = null;
}
}
}
}
if(data.actor !== undefined){
let data13 = data.actor;
const _errs71 = errors;
let valid30 = false;
let passing7 = null;
const _errs72 = errors;
if(typeof data13 === "string"){
if(func1(data13) > 200){
const err58 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf/0/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(func1(data13) < 1){
const err59 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
var _valid9 = _errs72 === errors;
if(_valid9){
valid30 = true;
passing7 = 0;
}
const _errs74 = errors;
if(Array.isArray(data13)){
if(data13.length > 100){
const err61 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data13.length < 1){
const err62 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
const len6 = data13.length;
for(let i6=0; i6<len6; i6++){
let data14 = data13[i6];
if(typeof data14 === "string"){
if(func1(data14) > 200){
const err63 = {instancePath:instancePath+"/actor/" + i6,schemaPath:"#/$defs/patterns/oneOf/1/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(func1(data14) < 1){
const err64 = {instancePath:instancePath+"/actor/" + i6,schemaPath:"#/$defs/patterns/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/actor/" + i6,schemaPath:"#/$defs/patterns/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var _valid9 = _errs74 === errors;
if(_valid9 && valid30){
valid30 = false;
passing7 = [passing7, 1];
}
else {
if(_valid9){
valid30 = true;
passing7 = 1;
}
}
if(!valid30){
const err67 = {instancePath:instancePath+"/actor",schemaPath:"#/$defs/patterns/oneOf",keyword:"oneOf",params:{passingSchemas: passing7},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
else {
errors = _errs71;
if(vErrors !== null){
if(_errs71){
vErrors.length = _errs71;
}
else {
vErrors = null;
}
}
}
}
if(data.branch !== undefined){
let data15 = data.branch;
const _errs80 = errors;
let valid34 = false;
let passing8 = null;
const _errs81 = errors;
if(typeof data15 === "string"){
if(func1(data15) > 200){
const err68 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf/0/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(func1(data15) < 1){
const err69 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
else {
const err70 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
var _valid10 = _errs81 === errors;
if(_valid10){
valid34 = true;
passing8 = 0;
}
const _errs83 = errors;
if(Array.isArray(data15)){
if(data15.length > 100){
const err71 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(data15.length < 1){
const err72 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
const len7 = data15.length;
for(let i7=0; i7<len7; i7++){
let data16 = data15[i7];
if(typeof data16 === "string"){
if(func1(data16) > 200){
const err73 = {instancePath:instancePath+"/branch/" + i7,schemaPath:"#/$defs/patterns/oneOf/1/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if(func1(data16) < 1){
const err74 = {instancePath:instancePath+"/branch/" + i7,schemaPath:"#/$defs/patterns/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/branch/" + i7,schemaPath:"#/$defs/patterns/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
else {
const err76 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
var _valid10 = _errs83 === errors;
if(_valid10 && valid34){
valid34 = false;
passing8 = [passing8, 1];
}
else {
if(_valid10){
valid34 = true;
passing8 = 1;
}
}
if(!valid34){
const err77 = {instancePath:instancePath+"/branch",schemaPath:"#/$defs/patterns/oneOf",keyword:"oneOf",params:{passingSchemas: passing8},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
else {
errors = _errs80;
if(vErrors !== null){
if(_errs80){
vErrors.length = _errs80;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err78 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.enabled === undefined) && (missing0 = "enabled")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.enabled !== undefined){
if(false !== data.enabled){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(!_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.when === undefined){
const err2 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "when"},message:"must have required property '"+"when"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.decision === undefined){
const err3 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "decision"},message:"must have required property '"+"decision"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.reason === undefined){
const err4 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
}
if(!valid0){
const err5 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "id") || (key0 === "description")) || (key0 === "when")) || (key0 === "decision")) || (key0 === "reason")) || (key0 === "enabled"))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/$defs/ruleId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{0,79}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{0,79}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/$defs/ruleId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 === "string"){
if(func1(data2) > 1000){
const err10 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.when !== undefined){
if(!(validate22(data.when, {instancePath:instancePath+"/when",parentData:data,parentDataProperty:"when",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data.decision !== undefined){
let data4 = data.decision;
if(!(((data4 === "allow") || (data4 === "approval-required")) || (data4 === "blocked"))){
const err12 = {instancePath:instancePath+"/decision",schemaPath:"#/$defs/decision/enum",keyword:"enum",params:{allowedValues: schema34.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.reason !== undefined){
let data5 = data.reason;
if(typeof data5 === "string"){
if(func1(data5) > 1000){
const err13 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func1(data5) < 1){
const err14 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.enabled !== undefined){
if(typeof data.enabled !== "boolean"){
const err16 = {instancePath:instancePath+"/enabled",schemaPath:"#/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema48 = {"type":"object","additionalProperties":false,"required":["rule","owner","expires","reason"],"properties":{"rule":{"$ref":"#/$defs/ruleId"},"workflow":{"type":"string","minLength":1,"maxLength":300,"description":"Workflow path glob; any when omitted."},"job":{"type":"string","minLength":1,"maxLength":200,"description":"Job id glob; any when omitted."},"owner":{"type":"string","minLength":1,"maxLength":200},"expires":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$","description":"Last day (UTC) the waiver applies."},"reason":{"type":"string","minLength":1,"maxLength":1000}}};
const pattern11 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.rule === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rule"},message:"must have required property '"+"rule"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.owner === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "owner"},message:"must have required property '"+"owner"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.expires === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "expires"},message:"must have required property '"+"expires"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.reason === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "rule") || (key0 === "workflow")) || (key0 === "job")) || (key0 === "owner")) || (key0 === "expires")) || (key0 === "reason"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.rule !== undefined){
let data0 = data.rule;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err5 = {instancePath:instancePath+"/rule",schemaPath:"#/$defs/ruleId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]{0,79}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]{0,79}$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/rule",schemaPath:"#/$defs/ruleId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.workflow !== undefined){
let data1 = data.workflow;
if(typeof data1 === "string"){
if(func1(data1) > 300){
const err7 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(func1(data1) < 1){
const err8 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.job !== undefined){
let data2 = data.job;
if(typeof data2 === "string"){
if(func1(data2) > 200){
const err10 = {instancePath:instancePath+"/job",schemaPath:"#/properties/job/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func1(data2) < 1){
const err11 = {instancePath:instancePath+"/job",schemaPath:"#/properties/job/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/job",schemaPath:"#/properties/job/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.owner !== undefined){
let data3 = data.owner;
if(typeof data3 === "string"){
if(func1(data3) > 200){
const err13 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func1(data3) < 1){
const err14 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.expires !== undefined){
let data4 = data.expires;
if(typeof data4 === "string"){
if(!pattern11.test(data4)){
const err16 = {instancePath:instancePath+"/expires",schemaPath:"#/properties/expires/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}$"+"\""};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/expires",schemaPath:"#/properties/expires/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.reason !== undefined){
let data5 = data.reason;
if(typeof data5 === "string"){
if(func1(data5) > 1000){
const err18 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(func1(data5) < 1){
const err19 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const pattern9 = new RegExp("^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9_.-]+)?$", "u");

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://agent-gate.dev/schemas/policy-v1.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "version") || (key0 === "extends")) || (key0 === "default")) || (key0 === "production")) || (key0 === "evidence")) || (key0 === "rules")) || (key0 === "approval")) || (key0 === "waivers"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.version !== undefined){
if(1 !== data.version){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.extends !== undefined){
let data1 = data.extends;
const _errs4 = errors;
let valid1 = false;
let passing0 = null;
const _errs5 = errors;
if(typeof data1 === "string"){
if(func1(data1) > 500){
const err3 = {instancePath:instancePath+"/extends",schemaPath:"#/$defs/policyRef/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func1(data1) < 1){
const err4 = {instancePath:instancePath+"/extends",schemaPath:"#/$defs/policyRef/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/extends",schemaPath:"#/$defs/policyRef/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs5 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs8 = errors;
if(Array.isArray(data1)){
if(data1.length > 16){
const err6 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/1/maxItems",keyword:"maxItems",params:{limit: 16},message:"must NOT have more than 16 items"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1.length < 1){
const err7 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func1(data2) > 500){
const err8 = {instancePath:instancePath+"/extends/" + i0,schemaPath:"#/$defs/policyRef/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func1(data2) < 1){
const err9 = {instancePath:instancePath+"/extends/" + i0,schemaPath:"#/$defs/policyRef/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/extends/" + i0,schemaPath:"#/$defs/policyRef/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err12 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
}
if(data.default !== undefined){
let data3 = data.default;
if(!(((data3 === "allow") || (data3 === "approval-required")) || (data3 === "blocked"))){
const err13 = {instancePath:instancePath+"/default",schemaPath:"#/$defs/decision/enum",keyword:"enum",params:{allowedValues: schema34.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.production !== undefined){
let data4 = data.production;
if(Array.isArray(data4)){
if(data4.length > 100){
const err14 = {instancePath:instancePath+"/production",schemaPath:"#/properties/production/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(typeof data5 === "string"){
if(func1(data5) > 100){
const err15 = {instancePath:instancePath+"/production/" + i1,schemaPath:"#/properties/production/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(func1(data5) < 1){
const err16 = {instancePath:instancePath+"/production/" + i1,schemaPath:"#/properties/production/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/production/" + i1,schemaPath:"#/properties/production/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/production",schemaPath:"#/properties/production/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.evidence !== undefined){
let data6 = data.evidence;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
if(!(key1 === "required")){
const err19 = {instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data6.required !== undefined){
if(typeof data6.required !== "boolean"){
const err20 = {instancePath:instancePath+"/evidence/required",schemaPath:"#/properties/evidence/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.rules !== undefined){
let data8 = data.rules;
if(Array.isArray(data8)){
if(data8.length > 500){
const err22 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
if(!(validate21(data8[i2], {instancePath:instancePath+"/rules/" + i2,parentData:data8,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.approval !== undefined){
let data10 = data.approval;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key2 in data10){
if(!(((key2 === "approvers") || (key2 === "min-approvals")) || (key2 === "timeout-minutes"))){
const err24 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.approvers !== undefined){
let data11 = data10.approvers;
if(Array.isArray(data11)){
if(data11.length > 100){
const err25 = {instancePath:instancePath+"/approval/approvers",schemaPath:"#/properties/approval/properties/approvers/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data11.length < 1){
const err26 = {instancePath:instancePath+"/approval/approvers",schemaPath:"#/properties/approval/properties/approvers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
if(typeof data12 === "string"){
if(!pattern9.test(data12)){
const err27 = {instancePath:instancePath+"/approval/approvers/" + i3,schemaPath:"#/properties/approval/properties/approvers/items/pattern",keyword:"pattern",params:{pattern: "^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9_.-]+)?$"},message:"must match pattern \""+"^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9_.-]+)?$"+"\""};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/approval/approvers/" + i3,schemaPath:"#/properties/approval/properties/approvers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/approval/approvers",schemaPath:"#/properties/approval/properties/approvers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data10["min-approvals"] !== undefined){
let data13 = data10["min-approvals"];
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err30 = {instancePath:instancePath+"/approval/min-approvals",schemaPath:"#/properties/approval/properties/min-approvals/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 10 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/approval/min-approvals",schemaPath:"#/properties/approval/properties/min-approvals/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data13 < 1 || isNaN(data13)){
const err32 = {instancePath:instancePath+"/approval/min-approvals",schemaPath:"#/properties/approval/properties/min-approvals/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data10["timeout-minutes"] !== undefined){
let data14 = data10["timeout-minutes"];
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err33 = {instancePath:instancePath+"/approval/timeout-minutes",schemaPath:"#/properties/approval/properties/timeout-minutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 43200 || isNaN(data14)){
const err34 = {instancePath:instancePath+"/approval/timeout-minutes",schemaPath:"#/properties/approval/properties/timeout-minutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 43200},message:"must be <= 43200"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data14 < 1 || isNaN(data14)){
const err35 = {instancePath:instancePath+"/approval/timeout-minutes",schemaPath:"#/properties/approval/properties/timeout-minutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
}
else {
const err36 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.waivers !== undefined){
let data15 = data.waivers;
if(Array.isArray(data15)){
if(data15.length > 500){
const err37 = {instancePath:instancePath+"/waivers",schemaPath:"#/properties/waivers/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len4 = data15.length;
for(let i4=0; i4<len4; i4++){
if(!(validate25(data15[i4], {instancePath:instancePath+"/waivers/" + i4,parentData:data15,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
}
else {
const err38 = {instancePath:instancePath+"/waivers",schemaPath:"#/properties/waivers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

;// CONCATENATED MODULE: ./src/policy/validate-policy.ts



function validatePolicyDocument(source) {
    if (policy_validator(source.data))
        return;
    const problems = describe(source, policy_validator.errors ?? []);
    const [first, ...rest] = problems;
    throw new InputError(`invalid policy: ${first?.message ?? 'does not match the schema'}`, {
        location: first?.at,
        details: rest.map((p) => `${formatLocation(p.at)}: ${p.message}`),
    });
}
/**
 * Keeps the errors a user can act on: combinator summaries (oneOf/anyOf/if) are dropped
 * when a more specific error exists under the same path; duplicates are merged.
 */
function describe(source, errors) {
    const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
    const chosen = pickPerPath(specific.length > 0 ? specific : [...errors]);
    const seen = new Set();
    const problems = [];
    for (const error of chosen) {
        const path = toYamlPath(error.instancePath);
        const extra = error.keyword === 'additionalProperties'
            ? String(error.params.additionalProperty)
            : undefined;
        const at = extra !== undefined ? locate(source, [...path, extra], { key: true }) : locate(source, path);
        const message = `${where(path, extra)}${messageOf(error)}`;
        const key = `${formatLocation(at)} ${message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        problems.push({ at, message });
    }
    return problems.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
}
/** For `type` / `enum` / `const` alternatives at one path (from oneOf branches), say it once. */
function pickPerPath(errors) {
    const byPath = new Map();
    for (const e of errors)
        byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
    const out = [];
    for (const group of byPath.values()) {
        const structural = group.filter((e) => e.keyword === 'additionalProperties' || e.keyword === 'required');
        out.push(...(structural.length > 0 ? structural : group.slice(0, 1)));
    }
    return out;
}
function messageOf(error) {
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties':
            return `unknown key \`${String(params.additionalProperty)}\``;
        case 'required':
            return `missing required key \`${String(params.missingProperty)}\``;
        case 'enum':
            return `must be one of: ${params.allowedValues.map(String).join(', ')}`;
        case 'const':
            return `must be ${JSON.stringify(params.allowedValue)}`;
        case 'type':
            return `must be ${String(params.type)}`;
        case 'pattern':
            return `does not match the expected form (${String(params.pattern)})`;
        default:
            return error.message ?? `fails ${error.keyword}`;
    }
}
function where(path, extra) {
    if (extra !== undefined)
        return path.length > 0 ? `${path.join('.')}: ` : '';
    return path.length > 0 ? `${path.join('.')}: ` : '';
}
function toYamlPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

;// CONCATENATED MODULE: ./src/policy/load-policy.ts
/**
 * Loads a policy — a preset name or a YAML/JSON file — validates it against the schema,
 * follows `extends` (presets and relative paths, cycles refused) and merges the chain into
 * one `Policy`. File access goes through a reader port so the engine does no I/O itself.
 */






const PRESET_NAMES = Object.keys(PRESETS);
function isPresetName(ref) {
    return Object.hasOwn(PRESETS, ref);
}
const load_policy_MAX_DEPTH = 8;
async function loadPolicy(ref, reader) {
    const layers = [];
    await collect(ref, undefined, reader, layers, []);
    return merge(layers);
}
/** Depth-first: bases before the file that extends them. */
async function collect(ref, from, reader, layers, chain) {
    const name = isPresetName(ref)
        ? `preset:${ref}`
        : from === undefined
            ? ref
            : reader.resolve(from, ref);
    if (chain.includes(name))
        throw new InputError(`policy extends itself: ${[...chain, name].join(' → ')}`);
    if (chain.length >= load_policy_MAX_DEPTH)
        throw new InputError(`policy extends chain deeper than ${load_policy_MAX_DEPTH}: ${chain.join(' → ')}`);
    if (layers.some((l) => l.name === name))
        return;
    const text = isPresetName(ref) ? (PRESETS[ref] ?? '') : await readPolicyFile(name, reader);
    const source = parseYamlSource(isPresetName(ref) ? `policies/${ref}.yml` : name, text);
    validatePolicyDocument(source);
    const raw = source.data;
    checkSemantics(source, raw);
    const bases = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
    for (const base of bases)
        await collect(base, isPresetName(ref) ? undefined : name, reader, layers, [...chain, name]);
    layers.push({ name, source, raw });
}
async function readPolicyFile(path, reader) {
    try {
        return await reader.read(path);
    }
    catch (cause) {
        throw new InputError(`cannot read policy file ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
}
/** What the schema cannot say: known agent ids, unique rule ids, real waiver dates. */
function checkSemantics(source, raw) {
    (raw.waivers ?? []).forEach((w, i) => {
        const d = new Date(`${w.expires}T00:00:00Z`);
        if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== w.expires) {
            throw new InputError(`waiver expires on ${w.expires}, which is not a date`, {
                location: locate(source, ['waivers', i, 'expires']),
            });
        }
    });
    const ids = new Set();
    (raw.rules ?? []).forEach((rule, i) => {
        if (ids.has(rule.id)) {
            throw new InputError(`duplicate rule id \`${rule.id}\``, {
                location: locate(source, ['rules', i, 'id']),
            });
        }
        ids.add(rule.id);
        const agent = rule.when?.agent;
        for (const id of typeof agent === 'string'
            ? [agent]
            : Array.isArray(agent)
                ? agent
                : []) {
            if (!AGENTS.some((a) => a.entry.id === id)) {
                throw new InputError(`unknown agent id \`${id}\`; known: ${AGENTS.map((a) => a.entry.id).join(', ')}`, {
                    location: locate(source, ['rules', i, 'when', 'agent']),
                });
            }
        }
    });
}
function merge(layers) {
    const rules = new Map();
    const waivers = [];
    let decisionDefault = 'allow';
    let production = [];
    let evidenceRequired = false;
    let approvers;
    let minApprovals = 1;
    let timeoutMinutes = 60;
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for (const { name, source, raw } of layers) {
        hash.update(`${name}\0${source.text}\0`);
        if (raw.default)
            decisionDefault = raw.default;
        if (raw.production)
            production = raw.production;
        if (raw.evidence?.required !== undefined)
            evidenceRequired = raw.evidence.required;
        if (raw.approval?.approvers)
            approvers = raw.approval.approvers;
        if (raw.approval?.['min-approvals'] !== undefined)
            minApprovals = raw.approval['min-approvals'];
        if (raw.approval?.['timeout-minutes'] !== undefined)
            timeoutMinutes = raw.approval['timeout-minutes'];
        (raw.rules ?? []).forEach((rule, i) => {
            if (rule.enabled === false) {
                rules.delete(rule.id);
                return;
            }
            rules.set(rule.id, {
                id: rule.id,
                description: rule.description,
                when: normalizeWhen(rule.when ?? {}),
                decision: rule.decision ?? 'blocked',
                reason: rule.reason ?? rule.id,
                at: locate(source, ['rules', i]),
            });
        });
        (raw.waivers ?? []).forEach((w, i) => waivers.push({ ...w, workflow: w.workflow, job: w.job, at: locate(source, ['waivers', i]) }));
    }
    return {
        sources: layers.map((l) => l.name),
        default: decisionDefault,
        production,
        evidenceRequired,
        rules: [...rules.values()],
        approval: { approvers, minApprovals, timeoutMinutes },
        waivers,
        digest: `sha256:${hash.digest('hex')}`,
    };
}
function list(value) {
    if (value === undefined)
        return undefined;
    return (Array.isArray(value) ? value : [value]);
}
function normalizeWhen(raw) {
    const bool = (v) => (typeof v === 'boolean' ? v : undefined);
    return {
        class: list(raw.class),
        agent: typeof raw.agent === 'boolean' ? raw.agent : list(raw.agent),
        trigger: list(raw.trigger),
        unattended: bool(raw.unattended),
        credential: list(raw.credential),
        environment: typeof raw.environment === 'boolean' ? raw.environment : list(raw.environment),
        uses: list(raw.uses),
        actor: list(raw.actor),
        branch: list(raw.branch),
    };
}

;// CONCATENATED MODULE: ./src/version.ts
/** The tool's name and version, as recorded in every output. Kept in step with package.json by a test. */
const TOOL_NAME = 'agent-gate';
const TOOL_VERSION = '0.1.0';
const TOOL_URI = 'https://github.com/agent-gate/agent-gate';

;// CONCATENATED MODULE: ./src/report/report.ts

function buildReport(policy, evaluations, errors) {
    const decisions = [
        ...evaluations.map((e) => e.decision.decision),
        ...(errors.length > 0 ? ['blocked'] : []),
    ];
    return { policy, evaluations, errors, decision: mostSevere(decisions) };
}
function allFindings(report) {
    return report.evaluations.flatMap((e) => e.decision.findings);
}
const EXIT_CODES = {
    allow: 0,
    blocked: 1,
    'approval-required': 3,
};

;// CONCATENATED MODULE: ./src/report/render-json.ts


function renderJson(report) {
    return `${JSON.stringify(toJsonDocument(report), null, 2)}\n`;
}
function toJsonDocument(report) {
    const jobs = report.evaluations.flatMap((e) => e.decision.jobs.map((verdict) => jobSummary(verdict, e.inventory.find((i) => i.job === verdict.job))));
    return {
        schemaVersion: 1,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        decision: report.decision,
        policy: {
            sources: report.policy.sources,
            digest: report.policy.digest,
            default: report.policy.default,
        },
        reasons: report.evaluations.flatMap((e) => e.decision.reasons),
        errors: report.errors,
        jobs,
        findings: allFindings(report).map((f) => ({
            ruleId: f.ruleId,
            decision: f.decision,
            message: f.message,
            workflow: f.workflow,
            job: f.job,
            class: f.class,
            location: f.location,
        })),
        waivers: {
            applied: report.evaluations.flatMap((e) => e.decision.waivers.applied.map((a) => ({ ...a.waiver, path: a.path }))),
            expired: report.evaluations.flatMap((e) => e.decision.waivers.expired.map((x) => ({ ...x.waiver, message: x.message }))),
        },
        bom: {
            workflows: report.evaluations.map((e) => ({
                path: e.workflow.path,
                name: e.workflow.name,
                jobs: e.inventory,
            })),
        },
    };
}
function jobSummary(verdict, inventory) {
    return {
        workflow: verdict.workflow,
        id: verdict.job,
        name: inventory?.name,
        decision: verdict.decision,
        triggers: inventory?.triggers ?? [],
        unattended: inventory?.unattended ?? false,
        agents: (inventory?.agents ?? []).map((a) => ({
            id: a.id,
            ref: a.ref,
            via: a.via,
            knobs: a.knobs,
            location: a.at,
        })),
        classes: inventory?.classes ?? [],
        credentials: (inventory?.credentials ?? []).map((c) => ({
            id: c.id,
            kind: c.kind,
            name: c.name,
            scope: c.scope,
            lifetime: c.lifetime,
        })),
        paths: verdict.paths.map((p) => ({
            id: p.path.id,
            class: p.path.class,
            decision: p.decision,
            rule: p.rule ?? null,
            reason: p.path.reason,
            because: p.reason,
            location: p.path.at,
            waived: p.waivedRules,
        })),
    };
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping of untrusted text (step names, branch names, PR titles, script excerpts) before
 * it reaches a log line, Markdown or HTML. Anything from the workflow or the event is
 * untrusted: it could forge workflow commands (`::set-output`), break tables or inject HTML.
 */
/** One safe log line: no line breaks, no leading workflow command, no control characters. */
function escapeLogText(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
        .replace(/\r?\n/g, ' ⏎ ')
        .replace(/::/g, ':\u200b:'));
}
const MD_SPECIAL = /[\\`*_{}[\]()#+!|<>&~"'$-]/g;
const HTML_ENTITIES = {
    '<': '&lt;',
    '>': '&gt;',
    '&': '&amp;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Inline Markdown text: every Markdown and HTML special character neutralised, one line. */
function escapeMarkdown(text) {
    return escapeLogText(text).replace(MD_SPECIAL, (ch) => HTML_ENTITIES[ch] ?? `\\${ch}`);
}
/** Text for inside a Markdown code span: backticks cannot close it early. */
function markdownCode(text) {
    const clean = escapeLogText(text)
        .replace(/`/g, 'ˋ')
        .replace(/[<>&]/g, (ch) => HTML_ENTITIES[ch] ?? ch);
    return `<code>${clean}</code>`;
}

;// CONCATENATED MODULE: ./src/report/render-markdown.ts
/**
 * The Markdown report: the action's job summary and `--format markdown`. Every piece of
 * untrusted text is escaped; the output is cut to stay under the runner's 1 MiB limit.
 */




const BADGE = {
    allow: '✅ allow',
    'approval-required': '⏸️ approval required',
    blocked: '⛔ blocked',
};
/** The runner refuses step summaries over 1 MiB; keep well under it. */
const MAX_SUMMARY_BYTES = 900 * 1024;
function renderMarkdown(report, options = {}) {
    const out = [
        `## ${TOOL_NAME}: ${BADGE[report.decision]}`,
        '',
        `<sub>${TOOL_NAME} ${TOOL_VERSION}</sub>`,
        '',
        `Policy ${report.policy.sources.map((s) => markdownCode(s)).join(' + ')} · digest ${markdownCode(report.policy.digest.slice(0, 23))}`,
        '',
        '| Workflow | Job | Decision | Agents | Unattended | Needs attention |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const e of report.evaluations) {
        for (const v of e.decision.jobs) {
            const inv = e.inventory.find((i) => i.job === v.job);
            const attention = v.paths.filter((p) => p.decision !== 'allow').map((p) => p.path.class);
            out.push(`| ${markdownCode(v.workflow)} | ${markdownCode(v.job)} | ${BADGE[v.decision]} | ${(inv?.agents ?? []).map((a) => markdownCode(a.id)).join(' ') || '—'} | ${inv?.unattended ? 'yes' : 'no'} | ${[...new Set(attention)].map(escapeMarkdown).join(', ') || '—'} |`);
        }
    }
    const reasons = report.evaluations.flatMap((e) => e.decision.reasons);
    if (reasons.length > 0)
        out.push('', ...reasons.map((r) => `- ⛔ ${escapeMarkdown(r)}`));
    for (const err of report.errors)
        out.push('', `- ⛔ ${escapeMarkdown(err.message)}`);
    const findings = allFindings(report);
    if (findings.length > 0) {
        out.push('', '### Findings', '');
        for (const f of findings) {
            out.push(`- ${BADGE[f.decision]} **${escapeMarkdown(f.ruleId)}** — ${markdownCode(formatLocation(f.location))} (job ${markdownCode(f.job ?? '—')}): ${escapeMarkdown(f.message)}`);
        }
    }
    const expired = report.evaluations.flatMap((e) => e.decision.waivers.expired);
    const applied = report.evaluations.flatMap((e) => e.decision.waivers.applied);
    if (expired.length > 0 || applied.length > 0) {
        out.push('', '### Waivers', '');
        for (const a of applied)
            out.push(`- waived ${markdownCode(a.waiver.rule)} on ${markdownCode(a.path)} — owner ${escapeMarkdown(a.waiver.owner)}, until ${escapeMarkdown(a.waiver.expires)}: ${escapeMarkdown(a.waiver.reason)}`);
        for (const x of expired)
            out.push(`- ⚠️ ${escapeMarkdown(x.message)}`);
    }
    return truncate(`${out.join('\n')}\n`, options.maxBytes ?? MAX_SUMMARY_BYTES);
}
function truncate(text, maxBytes) {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const note = '\n\n> Summary truncated to stay under the step-summary size limit; the full report is in the evidence pack.\n';
    let cut = text.slice(0, maxBytes - note.length);
    while (Buffer.byteLength(cut, 'utf8') > maxBytes - note.length)
        cut = cut.slice(0, -1024);
    return `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`;
}

;// CONCATENATED MODULE: ./src/report/render-sarif.ts
/**
 * SARIF 2.1.0 rendering of the findings, for code-scanning upload. Locations are in the
 * workflow file; fingerprints do not depend on line numbers so results survive edits.
 */



function renderSarif(report) {
    const findings = allFindings(report);
    const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
    const rules = ruleIds.map((id) => {
        const rule = report.policy.rules.find((r) => r.id === id);
        return {
            id,
            shortDescription: { text: rule?.reason ?? 'Policy default decision' },
            helpUri: `${TOOL_URI}#policy-reference`,
            properties: { decision: rule?.decision ?? report.policy.default },
        };
    });
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules },
                },
                results: findings.map((f) => result(f, ruleIds.indexOf(f.ruleId))),
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}
function result(f, ruleIndex) {
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: f.decision === 'blocked' ? 'error' : 'warning',
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: f.location.path },
                    region: { startLine: f.location.line, startColumn: f.location.column },
                },
            },
        ],
        partialFingerprints: {
            'agentGate/v1': (0,external_node_crypto_namespaceObject.createHash)('sha256')
                .update([f.ruleId, f.workflow, f.job ?? '', f.class ?? '', f.message].join('\0'))
                .digest('hex'),
        },
    };
}

;// CONCATENATED MODULE: ./src/report/render-text.ts
/**
 * The human-readable report for terminals: per workflow and job, the decision, who acts
 * (agents, credentials) and every path that is not simply allowed, with file:line:column.
 */




const MARK = {
    allow: '✓ allow   ',
    'approval-required': '! approval',
    blocked: '✗ blocked ',
};
function renderText(report, options = {}) {
    const lines = [
        `${TOOL_NAME} ${TOOL_VERSION} · policy ${report.policy.sources.join(' + ')} (${report.policy.digest.slice(0, 19)}…)`,
        '',
    ];
    for (const e of report.evaluations) {
        lines.push(escapeLogText(e.workflow.path));
        for (const verdict of e.decision.jobs) {
            const inv = e.inventory.find((i) => i.job === verdict.job);
            lines.push(...jobLines(verdict, inv, options.verbose ?? false));
        }
        for (const r of e.decision.reasons)
            lines.push(`  ✗ ${escapeLogText(r)}`);
        for (const x of e.decision.waivers.expired)
            lines.push(`  note: ${escapeLogText(x.message)} (${formatLocation(x.waiver.at)})`);
        for (const a of e.decision.waivers.applied)
            lines.push(`  waived: ${a.waiver.rule} on ${a.path} (owner ${escapeLogText(a.waiver.owner)}, until ${a.waiver.expires}: ${escapeLogText(a.waiver.reason)})`);
        lines.push('');
    }
    for (const err of report.errors)
        lines.push(`✗ error ${escapeLogText(err.message)}`);
    if (report.errors.length > 0)
        lines.push('');
    const jobs = report.evaluations.reduce((n, e) => n + e.decision.jobs.length, 0);
    lines.push(`Decision: ${report.decision.toUpperCase()} (${jobs} job${jobs === 1 ? '' : 's'} in ${report.evaluations.length} workflow${report.evaluations.length === 1 ? '' : 's'}${report.errors.length > 0 ? `, ${report.errors.length} file error(s)` : ''}; exit ${EXIT_CODES[report.decision]})`);
    return `${lines.join('\n')}\n`;
}
function jobLines(verdict, inv, verbose) {
    const lines = [`  job ${escapeLogText(verdict.job)} → ${verdict.decision.toUpperCase()}`];
    if (inv) {
        if (inv.unattended)
            lines.push(`    unattended: ${escapeLogText(inv.unattendedReasons.join('; '))}`);
        if (inv.agents.length > 0) {
            lines.push(`    agents: ${inv.agents
                .map((a) => `${a.id}${a.ref ? `@${a.ref}` : ''} (line ${a.at.line})`)
                .map(escapeLogText)
                .join(', ')}`);
        }
        lines.push(`    credentials: ${inv.credentials
            .map((c) => `${c.name} [${c.kind}, ${c.scope}${c.write ? ', write' : ''}]`)
            .map(escapeLogText)
            .join(', ')}`);
    }
    const shown = verdict.paths.filter((p) => verbose || p.decision !== 'allow');
    for (const p of shown) {
        lines.push(`    ${MARK[p.decision]} ${p.path.class.padEnd(16)} ${formatLocation(p.path.at)}  ${escapeLogText(p.path.reason)}${p.rule ? ` [${p.rule}]` : ''}`);
    }
    const hidden = verdict.paths.length - shown.length;
    if (hidden > 0)
        lines.push(`    ✓ ${hidden} allowed path${hidden === 1 ? '' : 's'} (--verbose lists them)`);
    return lines;
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Command-line parsing for the CLI (no dependency): known flags only, values checked
 * against their allowed sets; anything else is a usage error (exit 2), never ignored.
 */

const COMMON = {
    '--policy': { takesValue: true },
    '--format': { takesValue: true, values: ['text', 'json', 'sarif', 'markdown'] },
    '--out': { takesValue: true },
    '--verbose': { takesValue: false },
    '--default-permissions': { takesValue: true, values: ['read', 'write', 'unknown'] },
};
const EVALUATE = {
    ...COMMON,
    '--workflow': { takesValue: true },
    '--job': { takesValue: true, repeatable: true },
    '--event': { takesValue: true },
    '--event-path': { takesValue: true },
    '--actor': { takesValue: true },
    '--changed-file': { takesValue: true, repeatable: true },
};
function parseArgs(argv) {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h')
        return { name: 'help' };
    if (name === '--version' || name === '-v' || name === 'version')
        return { name: 'version' };
    if (name === 'validate') {
        const { positional } = parseFlags(rest, {});
        if (positional.length === 0)
            throw usage('validate needs a policy file');
        return { name: 'validate', files: positional };
    }
    if (name === 'evaluate') {
        const { flags, positional } = parseFlags(rest, EVALUATE);
        const workflow = one(flags, '--workflow') ?? positional[0];
        if (!workflow)
            throw usage('evaluate needs --workflow <file>');
        if (positional.length > (one(flags, '--workflow') ? 0 : 1))
            throw usage(`unexpected argument: ${positional.at(-1) ?? ''}`);
        return {
            name: 'evaluate',
            options: common(flags),
            workflow,
            jobs: flags.get('--job') ?? [],
            event: one(flags, '--event'),
            eventPath: one(flags, '--event-path'),
            actor: one(flags, '--actor'),
            changedFiles: flags.get('--changed-file') ?? [],
            defaultPermissions: permissionsMode(flags),
        };
    }
    if (name === 'scan') {
        const { flags, positional } = parseFlags(rest, COMMON);
        if (positional.length === 0)
            throw usage('scan needs at least one directory');
        return {
            name: 'scan',
            options: common(flags),
            dirs: positional,
            defaultPermissions: permissionsMode(flags),
        };
    }
    throw usage(`unknown command: ${name}`);
}
function parseFlags(args, specs) {
    const flags = new Map();
    const positional = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i] ?? '';
        if (!arg.startsWith('--') || arg === '--') {
            if (arg !== '--')
                positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const flag = eq > 0 ? arg.slice(0, eq) : arg;
        const spec = specs[flag];
        if (!spec)
            throw usage(`unknown option: ${flag}`);
        let value = 'true';
        if (spec.takesValue) {
            const next = eq > 0 ? arg.slice(eq + 1) : args[++i];
            if (next === undefined || (eq < 0 && next.startsWith('--')))
                throw usage(`${flag} needs a value`);
            if (spec.values && !spec.values.includes(next))
                throw usage(`${flag} must be one of: ${spec.values.join(', ')} (got ${next})`);
            value = next;
        }
        if (flags.has(flag) && !spec.repeatable)
            throw usage(`${flag} given twice`);
        flags.set(flag, [...(flags.get(flag) ?? []), value]);
    }
    return { flags, positional };
}
function one(flags, name) {
    return flags.get(name)?.[0];
}
function common(flags) {
    return {
        policy: one(flags, '--policy'),
        format: (one(flags, '--format') ?? 'text'),
        out: one(flags, '--out'),
        verbose: flags.has('--verbose'),
    };
}
function permissionsMode(flags) {
    return (one(flags, '--default-permissions') ?? 'unknown');
}
function usage(message) {
    return new InputError(`${message}\nRun \`agent-gate --help\` for usage.`);
}
const HELP = `agent-gate — CI policy gate for AI coding agents

Usage:
  agent-gate evaluate --workflow <file> [--job <id> ...] [--policy <file|preset>]
                      [--event <name>] [--event-path <payload.json>] [--actor <login>]
                      [--changed-file <path> ...] [--default-permissions read|write|unknown]
                      [--format text|json|sarif|markdown] [--out <dir>] [--verbose]
  agent-gate scan <dir|file> [<dir|file> ...] [--policy <file|preset>]
                      [--format text|json|sarif|markdown] [--out <dir>] [--verbose]
  agent-gate validate <policy-file> [...]
  agent-gate --version

Policy: a preset (baseline, strict) or a YAML/JSON file; default .github/agent-gate.yml
when it exists, else baseline.

Exit codes: 0 allow · 1 blocked · 2 usage or input error · 3 approval-required
`;

;// CONCATENATED MODULE: ./src/cli/discover.ts
/**
 * Finds the workflow files `scan` looks at: `<dir>/.github/workflows/*.y{a,}ml` (top level
 * only, as GitHub does); for a directory without one, its own YAML files when it holds
 * workflows directly (like examples/) — action metadata files are never workflows; or a
 * file given directly.
 */



const ACTION_METADATA = /^action\.ya?ml$/i;
function discoverWorkflows(target) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(target))
        throw new InputError(`${target}: no such file or directory`);
    if ((0,external_node_fs_namespaceObject.statSync)(target).isFile())
        return [target];
    const nested = (0,external_node_path_namespaceObject.join)(target, '.github', 'workflows');
    if ((0,external_node_fs_namespaceObject.existsSync)(nested) && (0,external_node_fs_namespaceObject.statSync)(nested).isDirectory())
        return yamlFiles(nested);
    if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(target, '.github')))
        return [];
    return yamlFiles(target).filter((f) => !ACTION_METADATA.test(f.slice(f.lastIndexOf('/') + 1)));
}
function yamlFiles(dir) {
    return (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
        .map((e) => (0,external_node_path_namespaceObject.join)(dir, e.name))
        .sort();
}

;// CONCATENATED MODULE: ./src/context/payload.ts
/**
 * Reads what the engine needs from a webhook event payload (GITHUB_EVENT_PATH): sender,
 * repository, default branch, pull request number, author and head. Unknown shapes give
 * undefined fields, never a guess.
 */

function contextFromPayload(payload, event) {
    const p = obj(payload);
    const repo = obj(p.repository);
    const pr = obj(p.pull_request ?? obj(p.issue).pull_request);
    return {
        ...EMPTY_CONTEXT,
        event,
        actor: str(obj(p.sender).login),
        repository: str(repo.full_name),
        defaultBranch: str(repo.default_branch),
        pullRequest: pullRequest(p),
        sha: str(obj(pr.head).sha),
    };
}
function pullRequest(p) {
    const pr = obj(p.pull_request);
    const number = typeof pr.number === 'number'
        ? pr.number
        : typeof p.number === 'number' && p.pull_request
            ? p.number
            : undefined;
    if (number === undefined) {
        // issue_comment on a pull request: the issue carries a pull_request link.
        const issue = obj(p.issue);
        if (issue.pull_request && typeof issue.number === 'number') {
            return {
                number: issue.number,
                author: str(obj(issue.user).login),
                authorType: str(obj(issue.user).type),
                headSha: undefined,
                fromFork: undefined,
            };
        }
        return undefined;
    }
    const head = obj(pr.head);
    const base = obj(pr.base);
    const headRepo = str(obj(head.repo).full_name);
    const baseRepo = str(obj(base.repo).full_name);
    return {
        number,
        author: str(obj(pr.user).login),
        authorType: str(obj(pr.user).type),
        headSha: str(head.sha),
        fromFork: headRepo !== undefined && baseRepo !== undefined ? headRepo !== baseRepo : undefined,
    };
}
function obj(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/cli/fs-policy-reader.ts
/**
 * The policy reader for local files (CLI, and the action when the policy is trusted on
 * disk): paths relative to the extending file, size-capped reads.
 */




function readTextFile(path) {
    let size;
    try {
        const stat = (0,external_node_fs_namespaceObject.statSync)(path);
        if (!stat.isFile())
            throw new InputError(`${path}: not a file`);
        size = stat.size;
    }
    catch (cause) {
        if (cause instanceof InputError)
            throw cause;
        throw new InputError(`${path}: cannot read (${cause.code ?? String(cause)})`, { cause });
    }
    if (size > MAX_SOURCE_BYTES)
        throw new InputError(`${path}: ${size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`);
    return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
}
const fsPolicyReader = {
    read: (path) => Promise.resolve(readTextFile(path)),
    resolve: (from, ref) => (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)(from), ref),
};

;// CONCATENATED MODULE: ./src/cli/event-context.ts
/**
 * Builds the run context for the CLI from flags and an optional event payload file.
 */




function cliContext(input) {
    let payload = undefined;
    if (input.eventPath) {
        const text = readTextFile(input.eventPath);
        try {
            payload = JSON.parse(text);
        }
        catch (cause) {
            throw new InputError(`${input.eventPath}: event payload is not valid JSON (${cause.message})`, { cause });
        }
    }
    const fromPayload = payload === undefined ? EMPTY_CONTEXT : contextFromPayload(payload, input.event);
    return {
        ...fromPayload,
        event: input.event ?? fromPayload.event,
        actor: input.actor ?? fromPayload.actor,
        changedFiles: input.changedFiles.length > 0 ? input.changedFiles : fromPayload.changedFiles,
        defaultPermissions: input.defaultPermissions,
        policyFile: input.policyFile,
    };
}

;// CONCATENATED MODULE: ./src/cli/run-cli.ts
/**
 * The CLI adapter: parses argv, runs the engine, renders, and maps the decision to an exit
 * code (0 allow · 1 blocked · 2 usage/input error · 3 approval-required).
 */















const DEFAULT_POLICY_FILE = '.github/agent-gate.yml';
async function runCli(argv, io) {
    try {
        return await dispatch(argv, io);
    }
    catch (thrown) {
        const error = normalizeError(thrown);
        io.stderr(`agent-gate: ${error instanceof InputError ? '' : 'internal error: '}${describeError(error)}\n`);
        return 2;
    }
}
async function dispatch(argv, io) {
    const command = parseArgs(argv);
    switch (command.name) {
        case 'help':
            io.stdout(HELP);
            return 0;
        case 'version':
            io.stdout(`${TOOL_VERSION}\n`);
            return 0;
        case 'validate':
            for (const file of command.files) {
                const policy = await loadPolicy(file, fsPolicyReader);
                io.stdout(`${file}: valid (${policy.rules.length} rules from ${policy.sources.join(' + ')}; ${policy.digest})\n`);
            }
            return 0;
        case 'evaluate': {
            const policyRef = resolvePolicyRef(command.options.policy);
            const policy = await loadPolicy(policyRef, fsPolicyReader);
            const context = cliContext({
                ...command,
                policyFile: isPresetName(policyRef) ? undefined : policyRef,
            });
            const evaluation = evaluateWorkflow({
                path: command.workflow,
                text: readTextFile(command.workflow),
                policy,
                context,
                jobs: command.jobs.length > 0 ? command.jobs : undefined,
                now: io.now(),
            });
            return emit(buildReport(policy, [evaluation], []), command.options, io);
        }
        case 'scan': {
            const policy = await loadPolicy(command.options.policy ?? 'baseline', fsPolicyReader);
            const evaluations = [];
            const errors = [];
            const context = cliContext({
                event: undefined,
                eventPath: undefined,
                actor: undefined,
                changedFiles: [],
                defaultPermissions: command.defaultPermissions,
                policyFile: undefined,
            });
            for (const dir of command.dirs) {
                const files = discoverWorkflows(dir);
                if (files.length === 0)
                    io.stderr(`agent-gate: no workflow files in ${dir}\n`);
                for (const file of files) {
                    try {
                        evaluations.push(evaluateWorkflow({
                            path: file,
                            text: readTextFile(file),
                            policy,
                            context,
                            now: io.now(),
                        }));
                    }
                    catch (thrown) {
                        const error = normalizeError(thrown);
                        if (!(error instanceof InputError))
                            throw error;
                        errors.push({ path: file, message: describeError(error) });
                    }
                }
            }
            return emit(buildReport(policy, evaluations, errors), command.options, io);
        }
    }
}
/** `--policy` as given, else the repository's policy file when present, else baseline. */
function resolvePolicyRef(given) {
    if (given)
        return given;
    return (0,external_node_fs_namespaceObject.existsSync)(DEFAULT_POLICY_FILE) ? DEFAULT_POLICY_FILE : 'baseline';
}
function emit(report, options, io) {
    const renderers = {
        text: () => renderText(report, { verbose: options.verbose }),
        json: () => renderJson(report),
        sarif: () => renderSarif(report),
        markdown: () => renderMarkdown(report),
    };
    io.stdout(renderers[options.format]());
    if (options.out) {
        (0,external_node_fs_namespaceObject.mkdirSync)(options.out, { recursive: true });
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(options.out, 'report.json'), renderers.json());
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(options.out, 'findings.sarif'), renderers.sarif());
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(options.out, 'summary.md'), renderers.markdown());
    }
    return EXIT_CODES[report.decision];
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
