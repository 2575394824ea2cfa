// Generated from openapi/milvus-v2.yaml by openapi/generate.mjs. Do not edit.
/* eslint-disable */
export interface paths {
    "/v2/vectordb/databases/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a database (CreateDatabase).
         * @description Properties are sent as key/value pairs, each value formatted with Go's `%v`.
         */
        post: operations["createDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/databases/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a database (DropDatabase); a missing one is a success. */
        post: operations["dropDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/databases/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List database names (ListDatabases). */
        post: operations["listDatabases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/databases/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Describe a database (DescribeDatabase). */
        post: operations["describeDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a collection, quick setup or with a schema.
         * @description **Quick setup** (no `schema.fields`): `dimension` is required (else 1100 `dimension is
         *     required for quickly create collection(default metric type: COSINE): invalid
         *     parameter[expected=collectionName & dimension][actual=collectionName]`). Builds a primary
         *     key `primaryFieldName` (default `id`, `idType` Int64 or VarChar with
         *     `params.max_length`, `autoID`) and a FloatVector `vectorFieldName` (default `vector`),
         *     `params.enableDynamicField` default true; then CreateIndex on the vector field (index
         *     name = field name, only `metric_type` = `metricType`, default COSINE: the server picks
         *     AUTOINDEX); then LoadCollection.
         *
         *     **With a schema**: fields take Milvus data type names (`Int64`, `VarChar`,
         *     `FloatVector`, ...; case sensitive, else 1100 `invalid parameter, data type X is
         *     invalid(case sensitive).`) and `elementTypeParams` (`dim`, `max_length`,
         *     `max_capacity`). Without `indexParams` the collection is only created (no index, no
         *     load). With `indexParams`, each index is created (a field missing from the schema gives
         *     1802 `missing required parameters, error: \`f\` hasn't defined in schema`, after the
         *     collection was created) and the collection is loaded.
         *
         *     `params`: `shardsNum`, `consistencyLevel` (Strong, Session, Bounded, Eventually,
         *     Customized; default Bounded), `ttlSeconds`, `partitionsNum` (with a partition key),
         *     `partitionKeyIsolation`. `description` is accepted but not used by Milvus 2.5.
         */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Describe a collection (DescribeCollection, GetLoadState, DescribeIndex, ListAliases).
         * @description A missing collection is 100 `can't find collection[database=<db>][collection=<name>]`.
         *     Errors of the secondary calls do not fail the answer: their texts are appended to
         *     `message` (e.g. `index not found[collection=<name>];` for a collection without index).
         *     `indexes` lists only the index of the first vector field. The dynamic `$meta` field is
         *     not listed.
         */
        post: operations["describeCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List collection names (ShowCollections). */
        post: operations["listCollections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/has": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether a collection exists (HasCollection). */
        post: operations["hasCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a collection (DropCollection); a missing one is a success. */
        post: operations["dropCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load a collection (LoadCollection); does not wait for completion. */
        post: operations["loadCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a collection (ReleaseCollection). */
        post: operations["releaseCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/get_load_state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load state of a collection (GetLoadState, then GetLoadingProgress).
         * @description The state comes from a collection-level GetLoadState; only the progress call uses
         *     `partitionNames`.
         *     - Missing collection: 100 `collection not found[collection=<name>]`.
         *     - Not loaded: `{"loadState": "LoadStateNotLoad"}` (no progress, no message).
         *     - Otherwise `{"loadState": "LoadStateLoaded" | "LoadStateLoading", "loadProgress": n}`
         *       with `"message": ""`. When the progress call fails (e.g. a named partition is not
         *       loaded or does not exist), `loadProgress` is -1, the state `LoadStateLoading`, and
         *       `message` holds the error text followed by `.`.
         */
        post: operations["getLoadState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/get_stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Collection statistics (GetCollectionStatistics). */
        post: operations["getCollectionStats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List partition names (ShowPartitions), `_default` first.
         * @description Only names; partition IDs and creation times are not exposed by REST v2.
         */
        post: operations["listPartitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/has": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether a partition exists (HasPartition); a missing collection is 100. */
        post: operations["hasPartition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a partition (CreatePartition); an existing name is a success. */
        post: operations["createPartition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a partition (DropPartition); a loaded one is refused. */
        post: operations["dropPartition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load partitions (LoadPartitions); does not wait for completion.
         * @description `partitionNames: []` passes the binding check and reaches Milvus, which refuses it.
         */
        post: operations["loadPartitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release partitions (ReleasePartitions). */
        post: operations["releasePartitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/partitions/get_stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Partition statistics (GetPartitionStatistics). */
        post: operations["getPartitionStats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/indexes/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create indexes (one CreateIndex per entry).
         * @description Each entry becomes the CreateIndex `extra_params` `index_type` (from `indexType`, else
         *     `params.index_type`), `metric_type` and `params` (the JSON text of `params`).
         */
        post: operations["createIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/indexes/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Describe an index (DescribeIndex); 700 when none matches.
         * @description Build parameters other than the index and metric type are not exposed by REST v2.
         */
        post: operations["describeIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/indexes/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List index names (DescribeIndex); `[]` for a collection without index. */
        post: operations["listIndexes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/indexes/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop an index (DropIndex); refused while the collection is loaded. */
        post: operations["dropIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/aliases/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The aliases of the database, or of the collection `collectionName` (ListAliases). */
        post: operations["listAliases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/aliases/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The collection an alias names (DescribeAlias); a missing alias is 1600. */
        post: operations["describeAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/aliases/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an alias of a collection (CreateAlias); 1601 when a collection has the name, 1602 when the alias names another collection. */
        post: operations["createAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/aliases/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop an alias (DropAlias); a missing alias is a success. */
        post: operations["dropAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/aliases/alter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an existing alias to another collection (AlterAlias); a missing alias is 1600. */
        post: operations["alterAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/databases/alter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set database properties (AlterDatabase), e.g. `database.max.collections`, `database.replica.number`, `database.force.deny.writing`. */
        post: operations["alterDatabaseProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/databases/drop_properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete database properties (AlterDatabase with delete keys). */
        post: operations["dropDatabaseProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename a collection, optionally into another database (RenameCollection). */
        post: operations["renameCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/alter_properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set collection properties (AlterCollection), e.g. `collection.ttl.seconds` (rows older than it are no longer read), `mmap.enabled` (104 while loaded). */
        post: operations["alterCollectionProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/drop_properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete collection properties (AlterCollection with delete keys). */
        post: operations["dropCollectionProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/collections/fields/alter_properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a field's `max_length`, `max_capacity` or `mmap.enabled` (AlterCollectionField). */
        post: operations["alterCollectionFieldProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/indexes/alter_properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set index properties, `mmap.enabled` (AlterIndex); 104 while the collection is loaded. */
        post: operations["alterIndexProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/indexes/drop_properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete index properties (AlterIndex with delete keys). */
        post: operations["dropIndexProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user (CreateCredential); username and password rules of the proxy, 65535 when the user exists. */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The roles bound to a user (SelectUser with role info); `[]` for an unknown user. */
        post: operations["describeUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Every user name (ListCredUsers). */
        post: operations["listUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a user (DeleteCredential); `root` cannot be dropped (1401). */
        post: operations["dropUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/update_password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a password (UpdateCredential); the old password must match (1400). */
        post: operations["updatePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/grant_role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bind a role to a user (OperateUserRole AddUserToRole). */
        post: operations["grantRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/users/revoke_role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unbind a role from a user (OperateUserRole RemoveUserFromRole). */
        post: operations["revokeRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a role (CreateRole). */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The grants of a role (SelectGrant). */
        post: operations["describeRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Every role name (SelectRole). */
        post: operations["listRoles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a role (DropRole); built-in roles cannot be dropped (1401), 65535 while it holds grants. */
        post: operations["dropRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/grant_privilege": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a privilege on an object type and name (OperatePrivilege Grant). */
        post: operations["grantPrivilege"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/revoke_privilege": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a privilege (OperatePrivilege Revoke). */
        post: operations["revokePrivilege"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/grant_privilege_v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a privilege or privilege group on a database and collection (OperatePrivilegeV2 Grant). */
        post: operations["grantPrivilegeV2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/roles/revoke_privilege_v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a privilege or privilege group (OperatePrivilegeV2 Revoke). */
        post: operations["revokePrivilegeV2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/privilege_groups/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a custom privilege group (CreatePrivilegeGroup). */
        post: operations["createPrivilegeGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/privilege_groups/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a custom privilege group (DropPrivilegeGroup); refused while granted. */
        post: operations["dropPrivilegeGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/privilege_groups/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Every privilege group, built-in then custom (ListPrivilegeGroups). */
        post: operations["listPrivilegeGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/privilege_groups/add_privileges_to_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add privileges to a custom group (OperatePrivilegeGroup AddPrivilegesToGroup). */
        post: operations["addPrivilegesToGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/privilege_groups/remove_privileges_from_group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove privileges from a custom group (OperatePrivilegeGroup RemovePrivilegesFromGroup). */
        post: operations["removePrivilegesFromGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/hybrid_search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hybrid search, several ANN searches fused by a reranker (DescribeCollection, then HybridSearch).
         * @description Each entry of `search` is one ANN search: its `data` (query vectors, as `entities/search`
         *     takes them; every entry must have as many), `annsField`, `filter`, `exprParams`, `limit`
         *     (its top k: required, 0 is `topk [0] is invalid, ...`) and `params` (search parameters as
         *     `entities/search`'s `searchParams`; `metric_type` is checked against the index). The
         *     entry's `offset` and `metricType` are not used by Milvus 2.5.
         *
         *     `rerank` is `{"strategy": "rrf", "params": {"k": 60}}` (score = Σ 1/(k + rank), k in (0,
         *     16384)) or `{"strategy": "weighted", "params": {"weights": [...], "norm_score": true}}`
         *     (one weight in [0, 1] per search; scores normalised per metric unless `norm_score` is
         *     false). Another strategy is 65535 `unsupported rank type <s>`. `limit` (required, 0 is
         *     `invalid max query result window, limit [0] is invalid, should be greater than 0`) caps
         *     the fused hits per query vector after `offset` of them; scores are not rounded here.
         *
         *     The answer is shaped as `entities/search`'s: rows with the output fields, `id` and
         *     `distance` (the fused score), `topks` per query vector.
         */
        post: operations["hybridSearchEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/advanced_search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The path Milvus 2.5 keeps for hybrid search (backward compatible); served as `entities/hybrid_search`. */
        post: operations["advancedSearchEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/jobs/import/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an import job (ImportV2) over file groups of the import directory; it runs asynchronously. */
        post: operations["createImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/jobs/import/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The import jobs of the database, or of one collection (ListImports). */
        post: operations["listImportJobs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/jobs/import/get_progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** State, progress and rows of an import job and of each of its file groups (GetImportProgress). */
        post: operations["getImportJobProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/jobs/import/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The same answer as `jobs/import/get_progress` (GetImportProgress). */
        post: operations["describeImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/resource_groups/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a resource group (CreateResourceGroup); without `config` it wants and allows 0 nodes; the same name with another config is 301. */
        post: operations["createResourceGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/resource_groups/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop a resource group (DropResourceGroup); a missing group is a success, one holding replicas or with `limits.node_num` above 0 is 1100. */
        post: operations["dropResourceGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/resource_groups/alter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the configs of existing resource groups, all or none (UpdateResourceGroups); a missing group is 300, a bad config 303. */
        post: operations["alterResourceGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/resource_groups/describe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A resource group's capacity, nodes, config and loaded replicas by collection (DescribeResourceGroup); a missing group is 300. */
        post: operations["describeResourceGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/resource_groups/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The resource groups' names, `__default_resource_group` first (ListResourceGroups). */
        post: operations["listResourceGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/resource_groups/transfer_replica": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move replicas of a loaded collection between resource groups (TransferReplica). The body has no `dbName`; the collection is looked up in the `DB-Name` header's database, else `default`. */
        post: operations["transferReplica"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/insert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Insert rows (DescribeCollection, then Insert).
         * @description Each row of `data` is read against the schema as `checkAndSetData` does: Int64 values as
         *     JSON numbers or decimal strings (exact, also beyond 2^53); Int8–Int32, Float, Double and
         *     Bool through Go's string conversions (so `"5"` is accepted for an Int32); VarChar as the
         *     text of any value; FloatVector as a number array; BinaryVector as a byte array or base64;
         *     Array as a typed JSON array; JSON as any JSON value (or a string holding JSON text).
         *     Nullable fields may be null or absent; the auto-ID primary key must be absent. Keys outside
         *     the schema go to the dynamic field when it is enabled (`$meta` itself is refused).
         *
         *     A row Milvus cannot convert is 1804 `invalid insert data, error: <detail>`, e.g.
         *     `strconv.ParseInt: parsing "abc": invalid syntax: invalid parameter[expected=Int64][actual=abc]`,
         *     `[]float32 size 3 doesn't equal to vector dimension 4 of FloatVector`,
         *     `has pass more field without dynamic schema, please check it: invalid parameter`,
         *     `no need to pass pk field(id) when autoid==true in insert: invalid parameter`, and
         *     `missing required parameters` for `"data": []`. Other errors come from Insert (1100 for
         *     a value Milvus refuses, 200 for an unknown partition).
         *
         *     `insertIds` are the primary keys in row order: JSON numbers for Int64 keys (strings with
         *     `Accept-Type-Allow-Int64: false`), strings for VarChar keys.
         */
        post: operations["insertEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Insert or replace rows by primary key (DescribeCollection, then Upsert).
         * @description Rows are read as for `entities/insert`, except that the primary key is required also with
         *     auto ID (1804 `row <i> does not has field <pk>`, `<i>` being the field's position in the
         *     schema, when it is absent).
         */
        post: operations["upsertEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete the rows matching a filter (DescribeCollection, then Delete).
         * @description `filter` is required (1802 when empty); `exprParams` fills `{name}` placeholders of the filter.
         */
        post: operations["deleteEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rows matching a filter (Query).
         * @description Defaults: `limit` 100, `outputFields` `["*"]`. The limit is not applied when it is 0 (then
         *     the filter is required: 1100 `empty expression should be used with limit`) or when the only
         *     output field is `count(*)`, which answers `[{"count(*)": n}]`. The collection (or the named
         *     partitions) must be loaded: 101 `failed to query: collection not loaded[collection=<id>]`.
         *     See `EntityRow` for the shape of rows.
         */
        post: operations["queryEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rows by primary key (DescribeCollection, then Query with `<pk> in [ids]`).
         * @description `id` is one key or an array of keys; Int64 keys may be JSON numbers or strings (1806
         *     `please check the primary key and its' type can only in [int, string], error: unable to
         *     cast "x" of type string to int64` otherwise). `outputFields` default `["*"]`.
         */
        post: operations["getEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/vectordb/entities/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vector search (DescribeCollection, then Search).
         * @description `data` holds one query vector per entry (number arrays for FloatVector fields, byte arrays
         *     or base64 for BinaryVector fields); `annsField` may be omitted when the collection has one
         *     vector field. A vector of the wrong length is 1801 `can only accept json format request,
         *     error: dimension: <dim>, but length of []float: <n>: invalid parameter[expected=FloatVector][actual=<data as sent>]`.
         *     Defaults: `limit` 100, `offset` 0, no output fields.
         *
         *     `searchParams` keys are sent as search parameters; `searchParams.params` (e.g. `{"ef": 64}`)
         *     merged with the other keys is the index search parameter JSON (a key in both with
         *     different values is 1100 `ambiguous parameter: ...`). `metricType` is not used by Milvus
         *     2.5 (only a `metric_type` key is checked against the index).
         *
         *     Each row of `data` holds the output fields, `id` (the primary key, whatever the name of
         *     its field) and `distance`; rows of all query vectors follow each other, best first, and
         *     `topks` gives how many belong to each query vector.
         */
        post: operations["searchEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description No fields (`databases/list`). */
        EmptyReq: Record<string, never>;
        DatabaseReq: {
            dbName?: components["schemas"]["DbName"];
        };
        DatabaseReqRequiredName: {
            /** @description The database. */
            dbName: string;
        };
        DatabaseReqWithProperties: {
            /** @description The database to create. */
            dbName: string;
            /** @description Database properties, e.g. `database.replica.number`; values formatted with Go's `%v`. */
            properties?: {
                [key: string]: unknown;
            };
        };
        CollectionNameReq: {
            dbName?: components["schemas"]["DbName"];
            /** @description The collection. */
            collectionName: string;
            /** @description Only `collections/get_load_state` uses it, for the progress of these partitions. */
            partitionNames?: string[];
        };
        CollectionReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /**
             * Format: int32
             * @description Quick setup: vector dimension (required there).
             */
            dimension?: number;
            /** @description Quick setup: `Int64` (default) or `VarChar` (with `params.max_length`). */
            idType?: string;
            /** @description Quick setup: the primary key is generated. */
            autoID?: boolean;
            /** @description Quick setup: metric of the vector index; default COSINE. */
            metricType?: string;
            /** @description Quick setup: default `id`. */
            primaryFieldName?: string;
            /** @description Quick setup: default `vector`. */
            vectorFieldName?: string;
            schema?: components["schemas"]["CollectionSchema"];
            indexParams?: components["schemas"]["IndexParam"][];
            /** @description `max_length`, `enableDynamicField`, `shardsNum`, `consistencyLevel`, `ttlSeconds`, `partitionsNum`, `partitionKeyIsolation`. */
            params?: {
                [key: string]: unknown;
            };
            /** @description Accepted, not used by Milvus 2.5. */
            description?: string;
        };
        CollectionSchema: {
            fields?: components["schemas"]["FieldSchema"][];
            functions?: components["schemas"]["FunctionSchema"][];
            autoID?: boolean;
            enableDynamicField?: boolean;
        };
        FieldSchema: {
            fieldName: string;
            /** @description A `schema.DataType` name, case sensitive: Bool, Int8, Int16, Int32, Int64, Float, Double, VarChar, Array, JSON, BinaryVector, FloatVector, Float16Vector, BFloat16Vector, SparseFloatVector. */
            dataType: string;
            /** @description Element type of an Array field. */
            elementDataType?: string;
            isPrimary?: boolean;
            isPartitionKey?: boolean;
            isClusteringKey?: boolean;
            /** @description Type parameters (`dim`, `max_length`, `max_capacity`); strings as is, other values as their JSON text. */
            elementTypeParams?: {
                [key: string]: unknown;
            };
            nullable?: boolean;
            /** @description Default value of the field. */
            defaultValue?: unknown;
        };
        FunctionSchema: {
            name: string;
            description?: string;
            /** @description e.g. BM25. */
            type: string;
            inputFieldNames: string[];
            outputFieldNames: string[];
            params?: {
                [key: string]: unknown;
            };
        };
        IndexParam: {
            fieldName: string;
            /** @description Default the field name. */
            indexName?: string;
            /** @description L2, IP, COSINE (binary vectors HAMMING, JACCARD). */
            metricType?: string;
            /** @description e.g. AUTOINDEX, HNSW, IVF_FLAT; empty lets the server choose. */
            indexType?: string;
            /** @description Build parameters, e.g. `{"M": 16, "efConstruction": 200}`. */
            params?: {
                [key: string]: unknown;
            };
        };
        PartitionReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            partitionName: string;
        };
        PartitionsReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description `[]` passes the binding check. */
            partitionNames: string[];
        };
        OptionalCollectionNameReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName?: string;
        };
        AliasReq: {
            dbName?: components["schemas"]["DbName"];
            aliasName: string;
        };
        AliasCollectionReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            aliasName: string;
        };
        DropDatabasePropertiesReq: {
            dbName: string;
            /** @description The property keys to delete. */
            propertyKeys?: string[];
        };
        RenameCollectionReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            newCollectionName: string;
            /** @description Move the collection into this database. */
            newDbName?: string;
        };
        CollectionReqWithProperties: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description Collection properties; values formatted with Go's `%v`. */
            properties?: {
                [key: string]: unknown;
            };
        };
        DropCollectionPropertiesReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            propertyKeys?: string[];
        };
        CollectionFieldReqWithParams: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            fieldName: string;
            /** @description Type parameters to set (`max_length`, `max_capacity`, `mmap.enabled`); values formatted with Go's `%v`. */
            fieldParams: {
                [key: string]: unknown;
            };
        };
        IndexReqWithProperties: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            indexName: string;
            /** @description Index properties (`mmap.enabled`); values formatted with Go's `%v`. */
            properties?: {
                [key: string]: unknown;
            };
        };
        DropIndexPropertiesReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            indexName: string;
            propertyKeys?: string[];
        };
        UserReq: {
            dbName?: components["schemas"]["DbName"];
            userName: string;
        };
        PasswordReq: {
            userName: string;
            password: string;
        };
        NewPasswordReq: {
            userName: string;
            /** @description The current password. */
            password: string;
            newPassword: string;
        };
        UserRoleReq: {
            userName: string;
            roleName: string;
        };
        RoleReq: {
            dbName?: components["schemas"]["DbName"];
            roleName: string;
        };
        GrantReq: {
            roleName: string;
            /** @description `Global`, `Collection` or `User`. */
            objectType: string;
            /** @description Object name, `*` for any. */
            objectName: string;
            privilege: string;
            dbName?: components["schemas"]["DbName"];
        };
        GrantV2Req: {
            roleName: string;
            /** @description A privilege or privilege group. */
            privilege: string;
            /** @description Database, `*` for any; default `default`. */
            dbName?: string;
            /** @description Collection, `*` for any. */
            collectionName?: string;
        };
        PrivilegeGroupReq: {
            privilegeGroupName: string;
            privileges?: string[];
        };
        ImportReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description Default `_default`; refused in partition-key mode. */
            partitionName?: string;
            /** @description File groups, paths relative to the import directory: `[["a.json"], ["b.parquet"], ["id.npy", "vector.npy"]]`. */
            files: string[][];
            /** @description Import options, e.g. `timeout`. */
            options?: {
                [key: string]: string;
            };
        };
        JobIDReq: {
            dbName?: components["schemas"]["DbName"];
            /** @description Decimal job ID, as `jobs/import/create` answers it. */
            jobId: string;
        };
        IndexParamReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            indexParams: components["schemas"]["IndexParam"][];
        };
        IndexReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            indexName: string;
        };
        HybridSearchReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            partitionNames?: string[];
            /** @description The ANN searches (at most 1024). */
            search?: components["schemas"]["SubSearchReq"][];
            rerank?: components["schemas"]["Rand"];
            /**
             * Format: int32
             * @description Fused hits per query vector.
             */
            limit?: number;
            /**
             * Format: int32
             * @description Fused hits skipped per query vector (a known divergence for early 2.5 releases).
             */
            offset?: number;
            /** @description Grouping search: the scalar field whose values group the hits. */
            groupingField?: string;
            /** Format: int32 */
            groupSize?: number;
            strictGroupSize?: boolean;
            outputFields?: string[];
            consistencyLevel?: components["schemas"]["ConsistencyLevelName"];
        };
        SubSearchReq: {
            /** @description Query vectors, as `entities/search` takes them. */
            data?: unknown[];
            annsField?: string;
            filter?: string;
            /** @description Not used by Milvus 2.5. */
            groupingField?: string;
            /** @description Not used by Milvus 2.5 (a `metric_type` in `params` is). */
            metricType?: string;
            /**
             * Format: int32
             * @description Top k of this search.
             */
            limit?: number;
            /**
             * Format: int32
             * @description Not used by Milvus 2.5.
             */
            offset?: number;
            /** @description Search parameters, e.g. `{"params": {"ef": 64}}` or flat `{"ef": 64}`. */
            params?: {
                [key: string]: unknown;
            };
            exprParams?: components["schemas"]["ExprParams"];
        };
        /** @description The reranker (Go struct `Rand`). */
        Rand: {
            /** @description `rrf` or `weighted`. */
            strategy?: string;
            /** @description `{"k": 60}` (rrf) or `{"weights": [0.7, 0.3], "norm_score": true}` (weighted). */
            params?: {
                [key: string]: unknown;
            };
        };
        /** @description A resource group by name (`resource_groups/create`, `drop`, `describe`); `config` only for create. When `config` is given, its required members are checked too (Go's validator descends into non-nil struct pointers). */
        ResourceGroupReq: {
            /** @description The resource group. */
            name: string;
            config?: components["schemas"]["ResourceGroupConfig"];
        };
        /** @description New configs by group name (`resource_groups/alter`); the map's values are not validated (Go's validator does not dive into maps). */
        UpdateResourceGroupReq: {
            resource_groups: {
                [key: string]: components["schemas"]["ResourceGroupConfig"];
            };
        };
        TransferReplicaReq: {
            sourceRgName: string;
            targetRgName: string;
            collectionName: string;
            /** @description Replicas to move (0 is refused as missing). */
            replicaNum: components["schemas"]["Int64"];
        };
        /** @description A `rg.ResourceGroupConfig` as Milvus's REST front reads it. */
        ResourceGroupConfig: {
            requests: components["schemas"]["ResourceGroupLimit"];
            limits: components["schemas"]["ResourceGroupLimit"];
            /** @description Groups to take missing nodes from first. */
            transfer_from?: components["schemas"]["ResourceGroupTransfer"][];
            /** @description Groups to give redundant nodes to first. */
            transfer_to?: components["schemas"]["ResourceGroupTransfer"][];
            node_filter?: components["schemas"]["ResourceGroupNodeFilter"];
        };
        ResourceGroupLimit: {
            /**
             * Format: int32
             * @description Query nodes; 0 is refused as missing.
             */
            node_num: number;
        };
        ResourceGroupTransfer: {
            resource_group: string;
        };
        ResourceGroupNodeFilter: {
            /** @description Labels a node must carry to join. */
            node_labels: {
                [key: string]: string;
            };
        };
        CollectionDataReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description Target partition; default `_default`. */
            partitionName?: string;
            /** @description Rows, field name to value (see `entities/insert`). `[]` passes the binding check and is refused with 1804. */
            data: {
                [key: string]: unknown;
            }[];
        };
        CollectionFilterReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description Delete in this partition only. */
            partitionName?: string;
            /** @description A boolean expression, e.g. `id in [1, 2]`. */
            filter: string;
            exprParams?: components["schemas"]["ExprParams"];
        };
        QueryReqV2: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            partitionNames?: string[];
            /** @description Default `["*"]`; `["count(*)"]` counts. */
            outputFields?: string[];
            filter?: string;
            /**
             * Format: int32
             * @description Default 100; 0 for no limit.
             */
            limit?: number;
            /** Format: int32 */
            offset?: number;
            exprParams?: components["schemas"]["ExprParams"];
            consistencyLevel?: components["schemas"]["ConsistencyLevelName"];
        };
        CollectionIDReq: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description Accepted, not used. */
            partitionName?: string;
            partitionNames?: string[];
            /** @description Default `["*"]`. */
            outputFields?: string[];
            /**
             * @description A primary key or an array of them (Go `interface{}`: any JSON value binds; a zero
             *     value such as `0` or `""` fails the required check). Int64 keys as JSON numbers or
             *     decimal strings, VarChar keys as strings.
             */
            id: unknown;
            consistencyLevel?: components["schemas"]["ConsistencyLevelName"];
        };
        SearchReqV2: {
            dbName?: components["schemas"]["DbName"];
            collectionName: string;
            /** @description Query vectors (number arrays; byte arrays or base64 strings for binary vectors). */
            data: unknown[];
            /** @description Vector field; may be omitted with a single vector field. */
            annsField?: string;
            partitionNames?: string[];
            filter?: string;
            /** @description Grouping search: the scalar field whose values group the hits. */
            groupingField?: string;
            /** Format: int32 */
            groupSize?: number;
            strictGroupSize?: boolean;
            /**
             * Format: int32
             * @description Hits per query vector; default 100.
             */
            limit?: number;
            /** Format: int32 */
            offset?: number;
            outputFields?: string[];
            /** @description Search parameters, e.g. `{"params": {"ef": 64}}` or flat `{"ef": 64}`; `metric_type` is checked against the index, `metricType` is ignored. A range search gives `{"params": {"radius": 1.0, "range_filter": 0.2}}`: the hits scoring between the two (L2, HAMMING, JACCARD: `range_filter <= d < radius`; IP, COSINE: `radius < d <= range_filter`), best first, at most `limit`. */
            searchParams?: {
                [key: string]: unknown;
            };
            consistencyLevel?: components["schemas"]["ConsistencyLevelName"];
            exprParams?: components["schemas"]["ExprParams"];
            /** @description Legacy, accepted and ignored. */
            params?: {
                [key: string]: number;
            };
        };
        /** @description Values of `{name}` placeholders of the filter (integral numbers as Int64, other numbers as Double, strings, bools, arrays). */
        ExprParams: {
            [key: string]: unknown;
        };
        /**
         * @description Anything else is 1100 `consistencyLevel can only be [Strong, Session, Bounded, Eventually,
         *     Customized], default: Bounded, err:parameter:'<x>' is incorrect, please check it: invalid parameter`.
         * @enum {string}
         */
        ConsistencyLevelName: "Strong" | "Session" | "Bounded" | "Eventually" | "Customized";
        /** @description Database; when empty, the `DB-Name` header, else `default`. */
        DbName: string;
        /** @description A failure. `code` is the merr code (never 0); Milvus also sends HTTP 401/403/408 with this shape. */
        ErrorResponse: {
            /** @description merr code, e.g. 100 collection not found, 200 partition not found, 1801, 1802, 65535. */
            code: number;
            /** @description The reason as Milvus phrases it. */
            message: string;
        };
        /**
         * Format: int64
         * @description An int64 written as a JSON number; may exceed 2^53.
         */
        Int64: number;
        /** @description A `common.KeyValuePair` as Go's encoding/json writes it (empty members omitted). */
        KeyValuePair: {
            key?: string;
            value?: string;
        };
        EmptyResponse: {
            /**
             * @description 0 (200 on some Milvus 2.4.0–2.4.3 endpoints).
             * @enum {integer}
             */
            code: 0 | 200;
            data: Record<string, never>;
        };
        NameListResponse: {
            /** @constant */
            code: 0;
            data: string[];
        };
        HasResponse: {
            /** @constant */
            code: 0;
            data: {
                has: boolean;
            };
        };
        RowCountResponse: {
            /** @constant */
            code: 0;
            data: {
                rowCount: components["schemas"]["Int64"];
            };
        };
        LoadStateResponse: {
            /** @constant */
            code: 0;
            data: {
                /** @enum {string} */
                loadState: "LoadStateNotLoad" | "LoadStateLoading" | "LoadStateLoaded";
                /** @description 0–100, or -1 when the progress call failed (see `message`). */
                loadProgress?: components["schemas"]["Int64"];
            };
            /** @description Present when the collection is loaded or loading: "" or the progress error followed by ".". */
            message?: string;
        };
        CollectionDescriptionResponse: {
            /** @constant */
            code: 0;
            data: components["schemas"]["CollectionDescription"];
            /** @description Errors of the secondary calls, each followed by ";" (or "." for ListAliases). */
            message?: string;
        };
        CollectionDescription: {
            collectionName: string;
            collectionID: components["schemas"]["Int64"];
            description: string;
            /** @description autoID of the primary key. */
            autoId: boolean;
            fields: components["schemas"]["FieldDescription"][];
            functions: components["schemas"]["FunctionDescription"][];
            aliases: string[];
            indexes: components["schemas"]["IndexSummary"][];
            /** @description LoadStateNotLoad, LoadStateLoading, LoadStateLoaded, or "" when GetLoadState failed. */
            load: string;
            shardsNum: number;
            partitionsNum: components["schemas"]["Int64"];
            /** @enum {string} */
            consistencyLevel: "Strong" | "Session" | "Bounded" | "Eventually" | "Customized";
            enableDynamicField: boolean;
            properties: components["schemas"]["KeyValuePair"][];
        };
        FieldDescription: {
            name: string;
            /** @description Field ID (100, 101, ...). */
            id: components["schemas"]["Int64"];
            /** @description `schema.DataType` name, e.g. FloatVector. */
            type: string;
            primaryKey: boolean;
            partitionKey: boolean;
            clusteringKey: boolean;
            autoId: boolean;
            description: string;
            nullable: boolean;
            /** @description Type parameters; absent when none. */
            params?: components["schemas"]["KeyValuePair"][];
            /** @description Element type name, Array fields only. */
            elementType?: string;
            /** @description Default value, when set. */
            defaultValue?: unknown;
            /** @description Present (true) for function outputs only. */
            isFunctionOutput?: boolean;
        };
        FunctionDescription: {
            name?: string;
            id?: components["schemas"]["Int64"];
            description?: string;
            type?: number;
            inputFieldNames?: string[];
            outputFieldNames?: string[];
            params?: components["schemas"]["KeyValuePair"][];
        };
        IndexSummary: {
            fieldName: string;
            indexName: string;
            /** @description COSINE when the index has none. */
            metricType: string;
        };
        IndexDescriptionsResponse: {
            /** @constant */
            code: 0;
            data: components["schemas"]["IndexDescription"][];
        };
        IndexDescription: {
            indexName: string;
            fieldName: string;
            indexType: string;
            metricType: string;
            totalRows: components["schemas"]["Int64"];
            pendingRows: components["schemas"]["Int64"];
            indexedRows: components["schemas"]["Int64"];
            /** @description `common.IndexState` name: Finished, InProgress, Failed, ... */
            indexState: string;
            failReason: string;
        };
        AliasDescriptionResponse: {
            /** @constant */
            code: 0;
            data: {
                dbName: string;
                collectionName: string;
                aliasName: string;
            };
        };
        ImportJobCreatedResponse: {
            /** @constant */
            code: 0;
            data: {
                jobId: string;
            };
        };
        ImportJobListResponse: {
            /** @constant */
            code: 0;
            data: {
                records: {
                    jobId: string;
                    collectionName: string;
                    /** @enum {string} */
                    state: "Pending" | "Importing" | "Completed" | "Failed";
                    progress: number;
                    /** @description Only for a failed job. */
                    reason?: string;
                }[];
            };
        };
        ImportJobProgressResponse: {
            /** @constant */
            code: 0;
            data: {
                jobId: string;
                collectionName: string;
                /** @description RFC 3339, `""` while the job runs. */
                completeTime: string;
                /** @enum {string} */
                state: "Pending" | "Importing" | "Completed" | "Failed";
                /** @description Percent, 0–100. */
                progress: number;
                importedRows: number;
                totalRows: number;
                /** @description Bytes of every file of the job. */
                fileSize: number;
                /** @description Only for a failed job. */
                reason?: string;
                details: {
                    /** @description The group's paths joined with `,`. */
                    fileName: string;
                    fileSize: number;
                    progress: number;
                    completeTime: string;
                    /** @enum {string} */
                    state: "Pending" | "InProgress" | "Completed" | "Failed";
                    importedRows: number;
                    totalRows: number;
                    reason?: string;
                }[];
            };
        };
        DatabaseDescriptionResponse: {
            /** @constant */
            code: 0;
            data: components["schemas"]["DatabaseDescription"];
        };
        DatabaseDescription: {
            dbName: string;
            dbID: components["schemas"]["Int64"];
            properties: components["schemas"]["KeyValuePair"][];
        };
        /** @description An int64 as a JSON number (may exceed 2^53), or as a decimal string with `Accept-Type-Allow-Int64` false. */
        Int64OrString: components["schemas"]["Int64"] | string;
        /** @description Primary keys in row order; Int64 keys as `Int64OrString`, VarChar keys as strings. */
        PrimaryKeys: (components["schemas"]["Int64OrString"] | string)[];
        /** @description `cost` of the answer (`proxy.GetCostValue`): 0 in open-source Milvus. */
        Cost: number;
        RoleGrantsResponse: {
            /** @constant */
            code: 0;
            data: {
                objectType: string;
                objectName: string;
                privilege: string;
                dbName: string;
                grantor: string;
            }[];
        };
        PrivilegeGroupsResponse: {
            /** @constant */
            code: 0;
            data: {
                privilegeGroups: {
                    privilegeGroupName: string;
                    /** @description The privileges joined with commas. */
                    privileges: string;
                }[];
            };
        };
        ResourceGroupDescriptionResponse: {
            /** @constant */
            code: 0;
            data: {
                resource_group: components["schemas"]["ResourceGroupDescription"];
            };
        };
        /** @description A `milvus.ResourceGroup` as Go's encoding/json writes the proto struct (snake_case keys; zero numbers, empty maps and lists omitted; map keys sorted). */
        ResourceGroupDescription: {
            name?: string;
            /**
             * Format: int32
             * @description `requests.node_num` (1000000 for the default group).
             */
            capacity?: number;
            /** Format: int32 */
            num_available_node?: number;
            /** @description Replicas in the group by collection name. */
            num_loaded_replica?: {
                [key: string]: number;
            };
            num_outgoing_node?: {
                [key: string]: number;
            };
            num_incoming_node?: {
                [key: string]: number;
            };
            config?: {
                requests?: {
                    node_num?: number;
                };
                limits?: {
                    node_num?: number;
                };
                transfer_from?: {
                    resource_group?: string;
                }[];
                transfer_to?: {
                    resource_group?: string;
                }[];
                node_filter?: {
                    node_labels?: components["schemas"]["KeyValuePair"][];
                };
            };
            nodes?: {
                node_id?: components["schemas"]["Int64"];
                address?: string;
                hostname?: string;
            }[];
        };
        InsertResponse: {
            /**
             * @description 0 (200 on Milvus 2.4.0–2.4.3).
             * @enum {integer}
             */
            code: 0 | 200;
            cost?: components["schemas"]["Cost"];
            data: {
                insertCount: components["schemas"]["Int64"];
                insertIds: components["schemas"]["PrimaryKeys"];
            };
        };
        UpsertResponse: {
            /**
             * @description 0 (200 on Milvus 2.4.0–2.4.3).
             * @enum {integer}
             */
            code: 0 | 200;
            cost?: components["schemas"]["Cost"];
            data: {
                upsertCount: components["schemas"]["Int64"];
                upsertIds: components["schemas"]["PrimaryKeys"];
            };
        };
        DeleteResponse: {
            /** @constant */
            code: 0;
            data: {
                /** @description Rows deleted (Milvus 2.5; earlier releases answer `{}`). */
                deleteCount?: components["schemas"]["Int64"];
            };
        };
        /**
         * @description One row, keys sorted: each output field by name and each dynamic key at the top level.
         *     Int64 values as `Int64OrString`; Int8–Int32 and Double as numbers; Float with float32
         *     digits; Bool; VarChar; FloatVector as a number array; BinaryVector, Float16Vector and
         *     BFloat16Vector as base64 of their bytes; SparseFloatVector as an object of index → value
         *     (`{"3": 0.5}`); JSON fields as a string holding the JSON text (integers beyond 2^53 kept
         *     exact); Array fields as the proto `ScalarField` Go writes, e.g.
         *     `{"Data": {"LongData": {"data": [1, 2]}}}`; null for a null value. `count(*)` is an Int64.
         *     In an insert or upsert body the same fields are given as values: Float16Vector and
         *     BFloat16Vector also as number arrays, SparseFloatVector also as `{"indices": [...],
         *     "values": [...]}`; a nullable field or one with a default value may be null or absent.
         */
        EntityRow: {
            [key: string]: unknown;
        };
        SearchRow: components["schemas"]["EntityRow"] & {
            /** @description The primary key (always under `id`). */
            id: components["schemas"]["Int64OrString"] | string;
            /** @description The score by the index metric (float32 digits). */
            distance: number;
        };
        RowsResponse: {
            /**
             * @description 0 (200 on Milvus 2.4.0–2.4.3).
             * @enum {integer}
             */
            code: 0 | 200;
            cost?: components["schemas"]["Cost"];
            data: components["schemas"]["EntityRow"][];
        };
        SearchResponse: {
            /**
             * @description 0 (200 on Milvus 2.4.0–2.4.3).
             * @enum {integer}
             */
            code: 0 | 200;
            cost?: components["schemas"]["Cost"];
            data: components["schemas"]["SearchRow"][];
            /** @description Rows per query vector, in order (Milvus 2.5.5 and later). */
            topks?: components["schemas"]["Int64"][];
        };
    };
    responses: {
        /** @description Authentication is enabled and the credentials are missing or wrong (1800). */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 1800,
                 *       "message": "user hasn't authenticated"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The `Request-Timeout` deadline passed (10001). */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 10001,
                 *       "message": "request timeout"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Database used when the body has no `dbName`; default `default`. */
        DBName: string;
        /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
        RequestTimeout: string;
        /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
        AcceptTypeAllowInt64: string;
    };
    requestBodies: {
        CollectionDataReq: {
            content: {
                "application/json": components["schemas"]["CollectionDataReq"];
            };
        };
        CollectionFilterReq: {
            content: {
                "application/json": components["schemas"]["CollectionFilterReq"];
            };
        };
        QueryReqV2: {
            content: {
                "application/json": components["schemas"]["QueryReqV2"];
            };
        };
        CollectionIDReq: {
            content: {
                "application/json": components["schemas"]["CollectionIDReq"];
            };
        };
        EmptyReq: {
            content: {
                "application/json": components["schemas"]["EmptyReq"];
            };
        };
        DatabaseReq: {
            content: {
                "application/json": components["schemas"]["DatabaseReq"];
            };
        };
        DatabaseReqRequiredName: {
            content: {
                "application/json": components["schemas"]["DatabaseReqRequiredName"];
            };
        };
        DatabaseReqWithProperties: {
            content: {
                "application/json": components["schemas"]["DatabaseReqWithProperties"];
            };
        };
        CollectionNameReq: {
            content: {
                "application/json": components["schemas"]["CollectionNameReq"];
            };
        };
        PartitionReq: {
            content: {
                "application/json": components["schemas"]["PartitionReq"];
            };
        };
        PartitionsReq: {
            content: {
                "application/json": components["schemas"]["PartitionsReq"];
            };
        };
        IndexParamReq: {
            content: {
                "application/json": components["schemas"]["IndexParamReq"];
            };
        };
        IndexReq: {
            content: {
                "application/json": components["schemas"]["IndexReq"];
            };
        };
        AliasReq: {
            content: {
                "application/json": components["schemas"]["AliasReq"];
            };
        };
        OptionalCollectionNameReq: {
            content: {
                "application/json": components["schemas"]["OptionalCollectionNameReq"];
            };
        };
        AliasCollectionReq: {
            content: {
                "application/json": components["schemas"]["AliasCollectionReq"];
            };
        };
        DropDatabasePropertiesReq: {
            content: {
                "application/json": components["schemas"]["DropDatabasePropertiesReq"];
            };
        };
        RenameCollectionReq: {
            content: {
                "application/json": components["schemas"]["RenameCollectionReq"];
            };
        };
        CollectionReqWithProperties: {
            content: {
                "application/json": components["schemas"]["CollectionReqWithProperties"];
            };
        };
        DropCollectionPropertiesReq: {
            content: {
                "application/json": components["schemas"]["DropCollectionPropertiesReq"];
            };
        };
        CollectionFieldReqWithParams: {
            content: {
                "application/json": components["schemas"]["CollectionFieldReqWithParams"];
            };
        };
        IndexReqWithProperties: {
            content: {
                "application/json": components["schemas"]["IndexReqWithProperties"];
            };
        };
        DropIndexPropertiesReq: {
            content: {
                "application/json": components["schemas"]["DropIndexPropertiesReq"];
            };
        };
        UserReq: {
            content: {
                "application/json": components["schemas"]["UserReq"];
            };
        };
        PasswordReq: {
            content: {
                "application/json": components["schemas"]["PasswordReq"];
            };
        };
        NewPasswordReq: {
            content: {
                "application/json": components["schemas"]["NewPasswordReq"];
            };
        };
        UserRoleReq: {
            content: {
                "application/json": components["schemas"]["UserRoleReq"];
            };
        };
        RoleReq: {
            content: {
                "application/json": components["schemas"]["RoleReq"];
            };
        };
        GrantReq: {
            content: {
                "application/json": components["schemas"]["GrantReq"];
            };
        };
        GrantV2Req: {
            content: {
                "application/json": components["schemas"]["GrantV2Req"];
            };
        };
        PrivilegeGroupReq: {
            content: {
                "application/json": components["schemas"]["PrivilegeGroupReq"];
            };
        };
        ImportReq: {
            content: {
                "application/json": components["schemas"]["ImportReq"];
            };
        };
        JobIDReq: {
            content: {
                "application/json": components["schemas"]["JobIDReq"];
            };
        };
        ResourceGroupReq: {
            content: {
                "application/json": components["schemas"]["ResourceGroupReq"];
            };
        };
        UpdateResourceGroupReq: {
            content: {
                "application/json": components["schemas"]["UpdateResourceGroupReq"];
            };
        };
        TransferReplicaReq: {
            content: {
                "application/json": components["schemas"]["TransferReplicaReq"];
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createDatabase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReqWithProperties"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropDatabase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReqRequiredName"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listDatabases: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EmptyReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeDatabase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReqRequiredName"];
        responses: {
            /** @description The database, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseDescriptionResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectionReq"];
            };
        };
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description The collection, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionDescriptionResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listCollections: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    hasCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description `{"has": bool}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HasResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    loadCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    releaseCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    getLoadState: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description The load state, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoadStateResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    getCollectionStats: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description `{"rowCount": n}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowCountResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listPartitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    hasPartition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PartitionReq"];
        responses: {
            /** @description `{"has": bool}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HasResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createPartition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PartitionReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropPartition: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PartitionReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    loadPartitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PartitionsReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    releasePartitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PartitionsReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    getPartitionStats: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PartitionReq"];
        responses: {
            /** @description `{"rowCount": n}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowCountResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createIndex: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["IndexParamReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeIndex: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["IndexReq"];
        responses: {
            /** @description The matching indexes, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexDescriptionsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listIndexes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionNameReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropIndex: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["IndexReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listAliases: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["OptionalCollectionNameReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeAlias: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AliasReq"];
        responses: {
            /** @description The alias and its collection, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AliasDescriptionResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createAlias: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AliasCollectionReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropAlias: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AliasReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    alterAlias: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["AliasCollectionReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    alterDatabaseProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReqWithProperties"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropDatabaseProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DropDatabasePropertiesReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    renameCollection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RenameCollectionReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    alterCollectionProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionReqWithProperties"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropCollectionProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DropCollectionPropertiesReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    alterCollectionFieldProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionFieldReqWithParams"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    alterIndexProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["IndexReqWithProperties"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropIndexProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DropIndexPropertiesReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PasswordReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    updatePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["NewPasswordReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    grantRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserRoleReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    revokeRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserRoleReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RoleReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RoleReq"];
        responses: {
            /** @description The grants of the role, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleGrantsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RoleReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    grantPrivilege: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GrantReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    revokePrivilege: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GrantReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    grantPrivilegeV2: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GrantV2Req"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    revokePrivilegeV2: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GrantV2Req"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createPrivilegeGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PrivilegeGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropPrivilegeGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PrivilegeGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listPrivilegeGroups: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DatabaseReq"];
        responses: {
            /** @description The privilege groups, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivilegeGroupsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    addPrivilegesToGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PrivilegeGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    removePrivilegesFromGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["PrivilegeGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    hybridSearchEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "collectionName": "quick_setup",
                 *       "search": [
                 *         {
                 *           "data": [
                 *             [
                 *               0.35,
                 *               -0.6,
                 *               0.18,
                 *               -0.26,
                 *               0.9
                 *             ]
                 *           ],
                 *           "annsField": "vector",
                 *           "limit": 10
                 *         },
                 *         {
                 *           "data": [
                 *             [
                 *               0.12,
                 *               0.44,
                 *               -0.81,
                 *               0.05,
                 *               0.33
                 *             ]
                 *           ],
                 *           "annsField": "vector2",
                 *           "limit": 10,
                 *           "filter": "color like \"red%\""
                 *         }
                 *       ],
                 *       "rerank": {
                 *         "strategy": "rrf",
                 *         "params": {
                 *           "k": 60
                 *         }
                 *       },
                 *       "limit": 3,
                 *       "outputFields": [
                 *         "color"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["HybridSearchReq"];
            };
        };
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": [rows], "topks": [...]}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    advancedSearchEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HybridSearchReq"];
            };
        };
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": [rows], "topks": [...]}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createImportJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ImportReq"];
        responses: {
            /** @description The job ID, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobCreatedResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listImportJobs: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["OptionalCollectionNameReq"];
        responses: {
            /** @description The jobs (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    getImportJobProgress: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["JobIDReq"];
        responses: {
            /** @description The job's progress, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobProgressResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeImportJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["JobIDReq"];
        responses: {
            /** @description The job's progress, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobProgressResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    createResourceGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ResourceGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    dropResourceGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ResourceGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    alterResourceGroups: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateResourceGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    describeResourceGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ResourceGroupReq"];
        responses: {
            /** @description `{"code": 0, "data": {"resource_group": {...}}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceGroupDescriptionResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    listResourceGroups: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EmptyReq"];
        responses: {
            /** @description Names (`[]` when none), or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NameListResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    transferReplica: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["TransferReplicaReq"];
        responses: {
            /** @description `{"code": 0, "data": {}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    insertEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "collectionName": "quick_setup",
                 *       "data": [
                 *         {
                 *           "id": 0,
                 *           "vector": [
                 *             0.35,
                 *             -0.6,
                 *             0.18,
                 *             -0.26,
                 *             0.9
                 *           ],
                 *           "color": "pink_8682"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CollectionDataReq"];
            };
        };
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": {"insertCount": n, "insertIds": [...]}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsertResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    upsertEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionDataReq"];
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": {"upsertCount": n, "upsertIds": [...]}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpsertResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    deleteEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionFilterReq"];
        responses: {
            /** @description `{"code": 0, "data": {"deleteCount": n}}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    queryEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["QueryReqV2"];
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": [rows]}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    getEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectionIDReq"];
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": [rows]}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
    searchEntities: {
        parameters: {
            query?: never;
            header?: {
                /** @description Deadline in whole seconds (Go `strconv.ParseInt`; other values are ignored). When exceeded the answer is HTTP 408; the operation may still complete. */
                "Request-Timeout"?: components["parameters"]["RequestTimeout"];
                /** @description Database used when the body has no `dbName`; default `default`. */
                "DB-Name"?: components["parameters"]["DBName"];
                /** @description `false` asks for int64 entity values as JSON strings (Go `strconv.ParseBool`; other values mean the server default, `proxy.http.acceptTypeAllowInt64` = true). */
                "Accept-Type-Allow-Int64"?: components["parameters"]["AcceptTypeAllowInt64"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "collectionName": "quick_setup",
                 *       "data": [
                 *         [
                 *           0.3580376395471989,
                 *           -0.6023495712049978,
                 *           0.18414012509913835,
                 *           -0.26286205330961354,
                 *           0.9029438446296592
                 *         ]
                 *       ],
                 *       "annsField": "vector",
                 *       "limit": 3,
                 *       "outputFields": [
                 *         "color"
                 *       ],
                 *       "searchParams": {
                 *         "params": {
                 *           "ef": 64
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SearchReqV2"];
            };
        };
        responses: {
            /** @description `{"code": 0, "cost": 0, "data": [rows], "topks": [...]}`, or a business error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            408: components["responses"]["RequestTimeout"];
        };
    };
}
