/** The CLI's help texts: the overview (`agent-gate --help`) and one per command. */

const EXIT = `Exit codes: 0 allow · 1 blocked · 2 usage or input error · 3 approval-required`;

const OUTPUT_OPTIONS = `  -p, --policy <file|preset>   policy file or preset (baseline, strict); default: the
                               repository's .github/agent-gate.yml, else baseline
  -f, --format <format>        text (default), json, sarif, markdown, github
                               (workflow-command annotations, for use inside a CI step), or
                               html (one self-contained assessment page)
  -o, --out <dir>              also write report.json, findings.sarif and summary.md there;
                               with --format html: the HTML file to write (not a directory)
      --root <dir>             SARIF URIs relative to this directory (default: the repository)
      --default-permissions read|write|unknown
                               the repository's default GITHUB_TOKEN permissions for jobs
                               that declare no \`permissions:\`; unknown (the default) assumes
                               write. The policy can state it once
                               (\`repository: { default-permissions: read }\`); the flag can
                               only make it stricter: when the two disagree, write is assumed.
      --environments <env.json>
                               environments as GET /repos/{owner}/{repo}/environments/{name}
                               returns them (one object, a list, or { environments: [...] });
                               required reviewers hold the approval of a job's deploy /
                               production paths. Without it the policy decides.
      --actions-cache <dir>    remote actions / reusable workflows are read from here:
                               <dir>/<owner>/<repo>/<sha>/<path>, a tag or branch through
                               the record <dir>/agent-gate.lock.json (owner/repo@ref → sha,
                               when, used at file:line) that \`agent-gate fetch\` writes.
                               Offline: a remote that is not there is an opaque path. Local
                               ones are read from the repository; action.yml files are
                               evaluated like workflows.
      --fetch                  first fill --actions-cache through the REST API (what it
                               lacks; tags resolved once and recorded), as \`fetch\` does
      --token <token>          with --fetch (or scan --github): the API token (default:
                               GITHUB_TOKEN)
      --api-url <url>          with --fetch (or scan --github): the REST API (default:
                               GITHUB_API_URL, else https://api.github.com)
      --repository <owner/name>
                               the repository scanned (names its local actions for the
                               agent catalog, e.g. claude-code-action's ./base-action, and
                               evaluates \`if: github.repository == …\`); default: the
                               checkout's origin remote, else a directory named owner__name
  -q, --quiet                  text report: allowed jobs as a count per workflow; no progress line
  -v, --verbose                list allowed paths and report-only findings too
  -h, --help                   this help`;

const EVALUATE = `agent-gate evaluate — decide one workflow (or some of its jobs)

Usage:
  agent-gate evaluate [--workflow] <file> [options]

Options:
      --workflow <file>        the workflow file (or give it as the argument)
      --job <id>               decide only this job (repeatable)
      --event <name>           the triggering event (push, pull_request, …)
      --event-path <file>      an event payload (JSON) as the runner gives it
      --actor <login>          the actor
      --changed-file <path>    a file the change touches (repeatable)
${OUTPUT_OPTIONS}

The policy is found beside the workflow's repository, never the current directory.

${EXIT}
`;

const SCAN = `agent-gate scan — decide every workflow of one or more repositories

Usage:
  agent-gate scan <dir|file> [<dir|file> ...] [options]
  agent-gate scan --github <owner>[/<repo>] [--github ...] [options]

Options:
      --all-triggers           list every trigger's decision (each workflow is decided per
                               trigger, its \`if:\` conditions evaluated for that event, and
                               the worst is reported)
      --github <owner>[/<repo>]
                               read repositories through the REST API at their default
                               branch head: every repository of an organisation (or user),
                               or one repository (repeatable)
      --include-archived       with --github <owner>: archived repositories too
      --include-forks          with --github <owner>: forks too
      --cache <dir>            keep API answers, trees and files (by blob SHA) here: a second
                               or interrupted run reads only what changed
      --shard <i/n>            scan only shard i of n of the repository list (the same split
                               on every machine, whatever order the paths come in; with
                               --github the whole listing is read first and split by full
                               name); combine the shards' -f json reports with
                               \`agent-gate merge\`
      --jobs <n>               decide repositories in n worker threads (default 1: this
                               thread); the report is the same bytes whatever n; pays off
                               only with idle cores (directories only)
${OUTPUT_OPTIONS}

Each repository is decided by its own .github/agent-gate.yml (baseline when it has none)
unless --policy is given. A path with no workflow files is an error; a file that cannot be
read or parsed is reported with its location and the scan goes on (exit 2 at the end).
With --github, files show as <owner>/<repo>/<path>; a repository that cannot be listed or
read (403, 404, server errors after retries, a truncated tree) is an error naming it.

${EXIT}
`;

const MERGE = `agent-gate merge — combine the JSON reports of a sharded scan

Usage:
  agent-gate merge <report.json> [<report.json> ...] [-f json] [-o <dir>]

Options:
  -f, --format json            the merged report (JSON; render other formats per shard)
  -o, --out <dir>              also write report.json there
  -h, --help                   this help

The reports of all n shards of one \`scan --shard i/n\` run (any order) become the report the
unsharded scan writes. Reports of another scan (tool version, schemaVersion, shard count,
repository list or options such as the policy differ), a missing or repeated shard, or a
file that is not a valid report are refused (exit 2).

${EXIT}
`;

const VALIDATE = `agent-gate validate — check policy files

Usage:
  agent-gate validate <policy-file|preset> [...]

Every mistake is reported as file:line:column. Exit 0 valid · 2 invalid or unreadable.
`;

const VERIFY = `agent-gate verify — check an evidence pack

Usage:
  agent-gate verify <pack-dir|pack.zip> [options]

Options:
      --require-signed         fail unless the pack carries a verified signature
      --bundle <file>          the Sigstore bundle (default: attestation.sigstore.json in or
                               beside the pack)
      --trusted-root <file>    the Sigstore trusted root to verify against (offline)
  -h, --help                   this help

Says plainly whether the pack is signed. Exit 0 the pack verifies · 1 it does not (each
problem listed) · 2 unreadable input.
`;

const FETCH = `agent-gate fetch — fill the actions cache through the REST API

Usage:
  agent-gate fetch <dir|file> [<dir|file> ...] --actions-cache <dir> [options]

Options:
      --actions-cache <dir>    where the files are kept (required)
      --token <token>          the API token (default: GITHUB_TOKEN, else GH_TOKEN)
      --api-url <url>          the REST API (default: GITHUB_API_URL, else
                               https://api.github.com)
  -h, --help                   this help

Reads the workflows and action files of each repository (as \`scan\` finds them) and
fetches the remote actions (owner/repo[/path]@ref) and reusable workflows
(owner/repo/.github/workflows/x.yml@ref) they use, then what those use, up to the
indirection depth cap. A tag or branch is resolved once to its commit SHA and recorded in
<dir>/agent-gate.lock.json with the time and the file:line that uses it; later runs read
the recorded SHA (delete an entry to resolve it again). Files are stored by SHA:
<dir>/<owner>/<repo>/<sha>/<path>. Actions the gate knows from its catalogs (actions/*,
github/*, agents, publishers) are not fetched. Each failure (404, 403, rate limit,
timeout) is reported with where the reference is used; scan then keeps it opaque.

Exit 0 everything fetched · 2 a reference or file failed, or a usage error
`;

const RULES = `agent-gate rules — the detection-rule catalog

Usage:
  agent-gate rules [-f text|json|markdown]
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  evaluate: EVALUATE,
  scan: SCAN,
  merge: MERGE,
  validate: VALIDATE,
  verify: VERIFY,
  rules: RULES,
  fetch: FETCH,
};

export const HELP = `agent-gate — CI policy gate for AI coding agents

Usage:
  agent-gate evaluate --workflow <file> [--job <id> ...] [-p <file|preset>] [-f <format>]
  agent-gate scan <dir|file> [...] [-p <file|preset>] [-f <format>] [-o <dir>]
  agent-gate fetch <dir|file> [...] --actions-cache <dir>   remote actions, via the API
  agent-gate merge <report.json> [...] [-o <dir>]   combine the shards of scan --shard i/n
  agent-gate validate <policy-file> [...]
  agent-gate verify <pack-dir|pack.zip> [--require-signed]
  agent-gate rules [-f text|json|markdown]   the detection-rule catalog
  agent-gate --version

Run \`agent-gate <command> --help\` for a command's options.
Formats: text, json, sarif, markdown, github (annotations inside a CI step).
Policy: a preset (baseline, strict) or a YAML/JSON file; default: the repository's
.github/agent-gate.yml when it exists, else baseline.

${EXIT}
verify: 0 the evidence pack verifies · 1 it does not (each problem listed) · 2 unreadable
`;
