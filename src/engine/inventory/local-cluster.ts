/**
 * A Kubernetes cluster the job creates on its own runner (kind, minikube, k3d, microk8s — by
 * command or by a cluster-setup action): `kubectl apply` / `helm install` after it change that
 * throw-away cluster, which is a test fixture, not a deploy target. Derived once per job; the
 * path builder reads it. A job that also fetches credentials of a remote cluster (EKS, GKE,
 * AKS, a kubeconfig secret) may target either, so it has no local cluster for this purpose
 * (fail closed); so does a command that names another context.
 */
import type { Job, Step } from '../workflow/model.js';
import { remoteActionName } from '../workflow/uses-reference.js';
import type { CommandHit } from './commands.js';
import { splitOnce } from './split-once.js';
import { actionMatches } from './uses.js';

export interface LocalCluster {
  /** The step that creates it, and the line of its script (1 for an action). */
  readonly step: number;
  readonly line: number;
  /** `kind create cluster`, `helm/kind-action`. */
  readonly by: string;
}

/** Actions that create a cluster on the runner. */
const CLUSTER_ACTIONS = [
  'helm/kind-action',
  'container-tools/kind-action',
  'engineerd/setup-kind',
  'medyagh/setup-minikube',
  'manusa/actions-setup-minikube',
  'AbsaOSS/k3d-action',
  'nolar/setup-k3d-k3s',
  'debianmaster/actions-k3s',
  'balchua/microk8s-actions',
];

/** Actions that fetch a remote cluster's credentials. */
const REMOTE_CLUSTER_ACTIONS = [
  'azure/aks-set-context',
  'azure/k8s-set-context',
  'google-github-actions/get-gke-credentials',
];

/** `tool sub…` argv prefixes that create a local cluster, and those that fetch a remote one. */
const CREATES: readonly (readonly string[])[] = [
  ['kind', 'create', 'cluster'],
  ['minikube', 'start'],
  ['k3d', 'cluster', 'create'],
  ['microk8s', 'start'],
];
const FETCHES_REMOTE: readonly (readonly string[])[] = [
  ['aws', 'eks', 'update-kubeconfig'],
  ['gcloud', 'container', 'clusters', 'get-credentials'],
  ['az', 'aks', 'get-credentials'],
  ['doctl', 'kubernetes', 'cluster', 'kubeconfig'],
];

/** Contexts the local tools name their clusters with. */
const LOCAL_CONTEXT = /^(?:kind-|minikube$|k3d-|microk8s$)/;

/** A secret that looks like cluster credentials, or a kubeconfig named by the environment. */
const CLUSTER_SECRET = /secrets\.[\w-]*(?:kube|k8s|cluster)/i;
const KUBECONFIG_ENV = /^(?:KUBECONFIG|KUBE_CONFIG)$/i;

export function localCluster(job: Job): LocalCluster | undefined {
  if (job.env.some((e) => KUBECONFIG_ENV.test(e.key) || CLUSTER_SECRET.test(e.value)))
    return undefined;
  let found: LocalCluster | undefined;
  for (const step of job.steps) {
    if (remoteCluster(step)) return undefined;
    if (found) continue;
    const name = remoteActionName(step.usesRef);
    const action = name && CLUSTER_ACTIONS.find((a) => actionMatches(name, a));
    if (action) {
      found = { step: step.index, line: 1, by: action };
      continue;
    }
    if (step.run === undefined) continue;
    for (const c of splitOnce(step.run).commands) {
      const prefix = CREATES.find((p) => startsWith(c.argv, p));
      if (prefix) {
        found = { step: step.index, line: c.line, by: prefix.join(' ') };
        break;
      }
    }
  }
  return found;
}

function remoteCluster(step: Step): boolean {
  const name = remoteActionName(step.usesRef);
  if (name && REMOTE_CLUSTER_ACTIONS.some((a) => actionMatches(name, a))) return true;
  const entries = [...step.env, ...step.with];
  if (entries.some((e) => KUBECONFIG_ENV.test(e.key) || CLUSTER_SECRET.test(e.value))) return true;
  if (step.run === undefined) return false;
  if (CLUSTER_SECRET.test(step.run)) return true;
  return splitOnce(step.run).commands.some(
    (c) =>
      FETCHES_REMOTE.some((p) => startsWith(c.argv, p)) ||
      // `kubectl config set-cluster …` / `use-context prod`: another cluster is configured.
      (startsWith(c.argv, ['kubectl', 'config']) &&
        (/^set-(?:cluster|credentials)$/.test(c.argv[2] ?? '') ||
          (c.argv[2] === 'use-context' && !LOCAL_CONTEXT.test(c.argv[3] ?? '')))) ||
      c.argv.some((a) => a === '--kubeconfig' || a.startsWith('--kubeconfig=')),
  );
}

function startsWith(argv: readonly string[], prefix: readonly string[]): boolean {
  const tool = (argv[0] ?? '').split('/').pop();
  return tool === prefix[0] && prefix.every((w, i) => i === 0 || argv[i] === w);
}

/** Kubernetes commands that change only the cluster the job created before them. */
const KUBE_CHANGES = new Set([
  'kubectl-apply',
  'kubectl-rollout',
  'kubectl-set',
  'kubectl-scale',
  'kubectl-delete',
  'kubectl-delete-namespace',
  'helm-release',
  'helm-uninstall',
]);

/** The local cluster a command hit changes, when it changes only that one. */
export function onLocalCluster(
  cluster: LocalCluster | undefined,
  step: number,
  hit: CommandHit,
): LocalCluster | undefined {
  if (!cluster || !KUBE_CHANGES.has(hit.kind)) return undefined;
  if (step < cluster.step || (step === cluster.step && hit.line <= cluster.line)) return undefined;
  // `--context prod` names another cluster (helm's target is its release name).
  if (hit.kind.startsWith('kubectl') && hit.target && !LOCAL_CONTEXT.test(hit.target))
    return undefined;
  return cluster;
}
