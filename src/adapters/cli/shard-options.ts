/**
 * The options that shape a scan's report, recorded in each shard's report (`scan --shard
 * i/n`): `merge` refuses shards whose options differ, so shards of one scan must agree on all
 * of them — the directory scan and the `--github` scan alike.
 */
import { createHash } from 'node:crypto';
import type { ShardOptions } from '../../engine/report/shard-doc.js';
import type { Command } from './args.js';
import { readTextFile } from './fs-policy-reader.js';
import type { PolicyResolver } from './repo-policy.js';

type ScanArgs = Extract<Command, { name: 'scan' }>;

export async function shardOptions(
  command: ScanArgs,
  resolver: PolicyResolver,
): Promise<ShardOptions> {
  const given = command.options.policy;
  return {
    policy: given ?? null,
    policyDigest: given === undefined ? null : (await resolver.forRoot(undefined)).policy.digest,
    defaultPermissions: command.defaultPermissions,
    allTriggers: command.allTriggers,
    environments:
      command.environments === undefined
        ? null
        : createHash('sha256').update(readTextFile(command.environments)).digest('hex'),
    repository: command.options.repository ?? null,
    root: command.options.root ?? null,
    actionsCache: command.options.actionsCache ?? null,
  };
}
