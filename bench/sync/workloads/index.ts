/** Every workload of the sync benchmark, by name, in the order they run and are reported. */
import type { WorkloadName } from '../types.ts';
import type { Workload } from './workload.ts';
import { compaction } from './compaction.ts';
import { fanout } from './fanout.ts';
import { joinLarge } from './join-large.ts';
import { manyDocs } from './many-docs.ts';
import { presence } from './presence.ts';
import { writers } from './writers.ts';

// Each workload has its own params and result types; the registry only needs to call them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyWorkload = Workload<any, any>;

export const workloads: Record<WorkloadName, AnyWorkload> = {
  fanout,
  writers,
  presence,
  'join-large': joinLarge,
  'many-docs': manyDocs,
  compaction,
};

export const WORKLOAD_ORDER: readonly WorkloadName[] = ['fanout', 'writers', 'presence', 'join-large', 'many-docs', 'compaction'];
