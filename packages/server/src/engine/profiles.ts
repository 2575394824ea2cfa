/**
 * Behaviour profiles: the Milvus releases whose rules the reference server can follow, as data.
 * An {@link Engine} takes one (`EngineOptions.profile`, `mvkit serve --profile`); the rules stay
 * where they live in the engine and read the switches of their profile instead of hard-coding one
 * era. `2.5` (the default) is the server's own behaviour; `2.3` is what a real Milvus 2.3.5
 * answers where it differs (measured by the differential test); `2.2` is the load model of the
 * Milvus 2.0–2.2 documentation (querycoordv2 of the 2.2 branch: `internal/querycoordv2/job/job_load.go`,
 * `services.go`, `utils/types.go`), with 2.3's repeated-key read and index checks (the same
 * reduce and checkers existed in 2.2; not measured) and 2.5's unloaded-partition refusal (2.2's
 * wording, before merr, was not read).
 *
 * @packageDocumentation
 */

/** Names of the profiles, in release order. */
export const PROFILE_NAMES = ['2.2', '2.3', '2.5'] as const;

/** A profile name: `2.2`, `2.3` or `2.5`. */
export type ProfileName = (typeof PROFILE_NAMES)[number];

/**
 * How partitions load:
 * - `exclusive` (2.0–2.2): a collection is loaded either whole (LoadCollection) or as the
 *   partitions of one LoadPartitions call; mixing the two, or loading other partitions in a later
 *   call, is refused (`LoadParameterMismatched`), and so is releasing partitions of a collection
 *   loaded whole.
 * - `incremental` (2.3+, "dynamic load/release partitions", milvus-io/milvus#22655): LoadPartitions
 *   adds partitions, LoadCollection after it loads the rest, partitions release one by one.
 */
export type PartitionLoadModel = 'exclusive' | 'incremental';

/**
 * What LoadCollection of a loaded collection with another `replica_number` does:
 * `refuse-legacy` (2.2: `collection with different replica number <n> existed, …`),
 * `refuse` (2.3: 1100 `can't change the replica number for loaded collection: …`),
 * `reconfigure` (2.5: querycoord's UpdateLoadConfig job changes the replicas).
 */
export type ReplicaChangeRule = 'refuse-legacy' | 'refuse' | 'reconfigure';

/**
 * DescribeCollection's reason for a missing collection: `legacy` (2.2: `can't find collection:
 * <name>`), `prefixed` (2.3: `can't find collection ` before rootcoord's merr reason),
 * `merr` (2.4+: `can't find collection[database=<db>][collection=<name>]`).
 */
export type DescribeMissingRule = 'legacy' | 'prefixed' | 'merr';

/**
 * Which of a repeated primary key's live rows query and get return: `newest` (2.4+, the latest
 * version of the key, milvus-io/milvus#33936) or `oldest` (2.3: measured against a real Milvus
 * 2.3.5, whose reduce kept the first version it met; 2.2 is taken to be the same, unmeasured).
 */
export type RepeatedKeyRead = 'newest' | 'oldest';

/**
 * Who checks CreateIndex parameters: `knowhere` (2.5: the proxy passes build parameters to
 * knowhere's config validation and wraps every refusal in 1100; scalar index types are checked
 * against the field type) or `proxy` (2.3: `pkg/util/indexparamcheck`'s checkers answer plain
 * 65535 errors and a scalar field takes only its default index; see `proxy-index-checks.ts`).
 */
export type IndexCheckRule = 'knowhere' | 'proxy';

/**
 * Who refuses a search or query naming a partition that is not loaded (of a loaded collection):
 * `proxy` (2.5: checked before dispatch, 201 `failed to <op>: partition not loaded[partition=<id>]`)
 * or `delegator` (2.3: the query node refuses and the proxy wraps its answer in 65535 `failed to
 * search/query delegator 1 for channel <vchannel>: fail to <Op>, QueryNode ID = 1,
 * reason=partition not loaded[partition=[<ids>]]`).
 */
export type UnloadedPartitionRule = 'proxy' | 'delegator';

/** One behaviour profile: the version it reports and the rules that differ between eras. */
export interface BehaviourProfile {
  readonly name: ProfileName;
  /** What GetVersion answers and Connect reports as `server_info.build_tags`, e.g. `v2.2.16`. */
  readonly version: string;
  /**
   * Whether `common.Status` carries the merr `code` (field 4, Milvus 2.3+). Without it (2.2) the
   * gRPC front sends `code` 0 and only the legacy `error_code`, as a 2.2 server did; clients then
   * derive the code from `error_code`.
   */
  readonly statusCode: boolean;
  readonly partitionLoad: PartitionLoadModel;
  readonly collectionReplicaChange: ReplicaChangeRule;
  readonly describeMissing: DescribeMissingRule;
  /** Default `rootCoord.maxPartitionNum` (partitions per collection, `_default` included; also the `num_partitions` bound). */
  readonly maxPartitionNum: number;
  /** Whether field names may not be words of the filter language (`like`, `and`, …: `validateFieldName`'s keyword check, after 2.3). */
  readonly fieldNameKeywords: boolean;
  /** Which row of a repeated primary key query, get and hybrid search's requery return. */
  readonly repeatedKeyRead: RepeatedKeyRead;
  readonly indexChecks: IndexCheckRule;
  readonly unloadedPartition: UnloadedPartitionRule;
}

/** The profiles by name. */
export const PROFILES: Readonly<Record<ProfileName, BehaviourProfile>> = {
  '2.2': {
    name: '2.2',
    version: 'v2.2.16',
    statusCode: false,
    partitionLoad: 'exclusive',
    collectionReplicaChange: 'refuse-legacy',
    describeMissing: 'legacy',
    maxPartitionNum: 4096,
    fieldNameKeywords: false,
    repeatedKeyRead: 'oldest',
    indexChecks: 'proxy',
    unloadedPartition: 'proxy',
  },
  '2.3': {
    name: '2.3',
    version: 'v2.3.5',
    statusCode: true,
    partitionLoad: 'incremental',
    collectionReplicaChange: 'refuse',
    describeMissing: 'prefixed',
    maxPartitionNum: 4096,
    fieldNameKeywords: false,
    repeatedKeyRead: 'oldest',
    indexChecks: 'proxy',
    unloadedPartition: 'delegator',
  },
  '2.5': {
    name: '2.5',
    version: 'v2.5.4',
    statusCode: true,
    partitionLoad: 'incremental',
    collectionReplicaChange: 'reconfigure',
    describeMissing: 'merr',
    maxPartitionNum: 1024,
    fieldNameKeywords: true,
    repeatedKeyRead: 'newest',
    indexChecks: 'knowhere',
    unloadedPartition: 'proxy',
  },
};

/** The profile an engine follows unless told otherwise. */
export const DEFAULT_PROFILE: ProfileName = '2.5';

/** Whether `value` names a profile. */
export function isProfileName(value: string): value is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(value);
}

/**
 * The profile named `name` (default {@link DEFAULT_PROFILE}).
 * @throws Error `unknown profile '<name>': expected one of 2.2, 2.3, 2.5` for any other name.
 */
export function profileOf(name: string = DEFAULT_PROFILE): BehaviourProfile {
  if (!isProfileName(name)) throw new Error(`unknown profile '${name}': expected one of ${PROFILE_NAMES.join(', ')}`);
  return PROFILES[name];
}
