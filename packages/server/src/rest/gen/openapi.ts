// Generated from openapi/milvus-v2.yaml by openapi/generate.mjs. Do not edit.

/** JSON schemas (draft 2020-12) of `components.schemas` in openapi/milvus-v2.yaml, keyed by name; request schemas are named after Milvus's Go request structs. */
export const OPENAPI_SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "EmptyReq": {
    "type": "object",
    "description": "No fields (`databases/list`).",
    "properties": {}
  },
  "DatabaseReq": {
    "type": "object",
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      }
    }
  },
  "DatabaseReqRequiredName": {
    "type": "object",
    "required": [
      "dbName"
    ],
    "properties": {
      "dbName": {
        "type": "string",
        "description": "The database."
      }
    }
  },
  "DatabaseReqWithProperties": {
    "type": "object",
    "required": [
      "dbName"
    ],
    "properties": {
      "dbName": {
        "type": "string",
        "description": "The database to create."
      },
      "properties": {
        "type": "object",
        "description": "Database properties, e.g. `database.replica.number`; values formatted with Go's `%v`.",
        "additionalProperties": true
      }
    }
  },
  "CollectionNameReq": {
    "type": "object",
    "required": [
      "collectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string",
        "description": "The collection."
      },
      "partitionNames": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Only `collections/get_load_state` uses it, for the progress of these partitions."
      }
    }
  },
  "CollectionReq": {
    "type": "object",
    "required": [
      "collectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "dimension": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Quick setup: vector dimension (required there)."
      },
      "idType": {
        "type": "string",
        "description": "Quick setup: `Int64` (default) or `VarChar` (with `params.max_length`)."
      },
      "autoID": {
        "type": "boolean",
        "description": "Quick setup: the primary key is generated."
      },
      "metricType": {
        "type": "string",
        "description": "Quick setup: metric of the vector index; default COSINE."
      },
      "primaryFieldName": {
        "type": "string",
        "description": "Quick setup: default `id`."
      },
      "vectorFieldName": {
        "type": "string",
        "description": "Quick setup: default `vector`."
      },
      "schema": {
        "$ref": "#/components/schemas/CollectionSchema"
      },
      "indexParams": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/IndexParam"
        }
      },
      "params": {
        "type": "object",
        "additionalProperties": true,
        "description": "`max_length`, `enableDynamicField`, `shardsNum`, `consistencyLevel`, `ttlSeconds`, `partitionsNum`, `partitionKeyIsolation`."
      },
      "description": {
        "type": "string",
        "description": "Accepted, not used by Milvus 2.5."
      }
    }
  },
  "CollectionSchema": {
    "type": "object",
    "properties": {
      "fields": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FieldSchema"
        }
      },
      "functions": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FunctionSchema"
        }
      },
      "autoID": {
        "type": "boolean"
      },
      "enableDynamicField": {
        "type": "boolean"
      }
    }
  },
  "FieldSchema": {
    "type": "object",
    "required": [
      "fieldName",
      "dataType"
    ],
    "properties": {
      "fieldName": {
        "type": "string"
      },
      "dataType": {
        "type": "string",
        "description": "A `schema.DataType` name, case sensitive: Bool, Int8, Int16, Int32, Int64, Float, Double, VarChar, Array, JSON, BinaryVector, FloatVector, Float16Vector, BFloat16Vector, SparseFloatVector."
      },
      "elementDataType": {
        "type": "string",
        "description": "Element type of an Array field."
      },
      "isPrimary": {
        "type": "boolean"
      },
      "isPartitionKey": {
        "type": "boolean"
      },
      "isClusteringKey": {
        "type": "boolean"
      },
      "elementTypeParams": {
        "type": "object",
        "additionalProperties": true,
        "description": "Type parameters (`dim`, `max_length`, `max_capacity`); strings as is, other values as their JSON text."
      },
      "nullable": {
        "type": "boolean"
      },
      "defaultValue": {
        "description": "Default value of the field."
      }
    }
  },
  "FunctionSchema": {
    "type": "object",
    "required": [
      "name",
      "type",
      "inputFieldNames",
      "outputFieldNames"
    ],
    "properties": {
      "name": {
        "type": "string"
      },
      "description": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "description": "e.g. BM25."
      },
      "inputFieldNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "outputFieldNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "params": {
        "type": "object",
        "additionalProperties": true
      }
    }
  },
  "IndexParam": {
    "type": "object",
    "required": [
      "fieldName"
    ],
    "properties": {
      "fieldName": {
        "type": "string"
      },
      "indexName": {
        "type": "string",
        "description": "Default the field name."
      },
      "metricType": {
        "type": "string",
        "description": "L2, IP, COSINE (binary vectors HAMMING, JACCARD)."
      },
      "indexType": {
        "type": "string",
        "description": "e.g. AUTOINDEX, HNSW, IVF_FLAT; empty lets the server choose."
      },
      "params": {
        "type": "object",
        "additionalProperties": true,
        "description": "Build parameters, e.g. `{\"M\": 16, \"efConstruction\": 200}`."
      }
    }
  },
  "PartitionReq": {
    "type": "object",
    "required": [
      "collectionName",
      "partitionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionName": {
        "type": "string"
      }
    }
  },
  "PartitionsReq": {
    "type": "object",
    "required": [
      "collectionName",
      "partitionNames"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionNames": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "`[]` passes the binding check."
      }
    }
  },
  "OptionalCollectionNameReq": {
    "type": "object",
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      }
    }
  },
  "AliasReq": {
    "type": "object",
    "required": [
      "aliasName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "aliasName": {
        "type": "string"
      }
    }
  },
  "AliasCollectionReq": {
    "type": "object",
    "required": [
      "collectionName",
      "aliasName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "aliasName": {
        "type": "string"
      }
    }
  },
  "DropDatabasePropertiesReq": {
    "type": "object",
    "required": [
      "dbName"
    ],
    "properties": {
      "dbName": {
        "type": "string"
      },
      "propertyKeys": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "The property keys to delete."
      }
    }
  },
  "RenameCollectionReq": {
    "type": "object",
    "required": [
      "collectionName",
      "newCollectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "newCollectionName": {
        "type": "string"
      },
      "newDbName": {
        "type": "string",
        "description": "Move the collection into this database."
      }
    }
  },
  "CollectionReqWithProperties": {
    "type": "object",
    "required": [
      "collectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "properties": {
        "type": "object",
        "description": "Collection properties; values formatted with Go's `%v`.",
        "additionalProperties": true
      }
    }
  },
  "DropCollectionPropertiesReq": {
    "type": "object",
    "required": [
      "collectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "propertyKeys": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "CollectionFieldReqWithParams": {
    "type": "object",
    "required": [
      "collectionName",
      "fieldName",
      "fieldParams"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "fieldName": {
        "type": "string"
      },
      "fieldParams": {
        "type": "object",
        "description": "Type parameters to set (`max_length`, `max_capacity`, `mmap.enabled`); values formatted with Go's `%v`.",
        "additionalProperties": true
      }
    }
  },
  "IndexReqWithProperties": {
    "type": "object",
    "required": [
      "collectionName",
      "indexName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "indexName": {
        "type": "string"
      },
      "properties": {
        "type": "object",
        "description": "Index properties (`mmap.enabled`); values formatted with Go's `%v`.",
        "additionalProperties": true
      }
    }
  },
  "DropIndexPropertiesReq": {
    "type": "object",
    "required": [
      "collectionName",
      "indexName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "indexName": {
        "type": "string"
      },
      "propertyKeys": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "UserReq": {
    "type": "object",
    "required": [
      "userName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "userName": {
        "type": "string"
      }
    }
  },
  "PasswordReq": {
    "type": "object",
    "required": [
      "userName",
      "password"
    ],
    "properties": {
      "userName": {
        "type": "string"
      },
      "password": {
        "type": "string"
      }
    }
  },
  "NewPasswordReq": {
    "type": "object",
    "required": [
      "userName",
      "password",
      "newPassword"
    ],
    "properties": {
      "userName": {
        "type": "string"
      },
      "password": {
        "type": "string",
        "description": "The current password."
      },
      "newPassword": {
        "type": "string"
      }
    }
  },
  "UserRoleReq": {
    "type": "object",
    "required": [
      "userName",
      "roleName"
    ],
    "properties": {
      "userName": {
        "type": "string"
      },
      "roleName": {
        "type": "string"
      }
    }
  },
  "RoleReq": {
    "type": "object",
    "required": [
      "roleName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "roleName": {
        "type": "string"
      }
    }
  },
  "GrantReq": {
    "type": "object",
    "required": [
      "roleName",
      "objectType",
      "objectName",
      "privilege"
    ],
    "properties": {
      "roleName": {
        "type": "string"
      },
      "objectType": {
        "type": "string",
        "description": "`Global`, `Collection` or `User`."
      },
      "objectName": {
        "type": "string",
        "description": "Object name, `*` for any."
      },
      "privilege": {
        "type": "string"
      },
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      }
    }
  },
  "GrantV2Req": {
    "type": "object",
    "required": [
      "roleName",
      "privilege"
    ],
    "properties": {
      "roleName": {
        "type": "string"
      },
      "privilege": {
        "type": "string",
        "description": "A privilege or privilege group."
      },
      "dbName": {
        "type": "string",
        "description": "Database, `*` for any; default `default`."
      },
      "collectionName": {
        "type": "string",
        "description": "Collection, `*` for any."
      }
    }
  },
  "PrivilegeGroupReq": {
    "type": "object",
    "required": [
      "privilegeGroupName"
    ],
    "properties": {
      "privilegeGroupName": {
        "type": "string"
      },
      "privileges": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "ImportReq": {
    "type": "object",
    "required": [
      "collectionName",
      "files"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionName": {
        "type": "string",
        "description": "Default `_default`; refused in partition-key mode."
      },
      "files": {
        "type": "array",
        "description": "File groups, paths relative to the import directory: `[[\"a.json\"], [\"b.parquet\"], [\"id.npy\", \"vector.npy\"]]`.",
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "options": {
        "type": "object",
        "additionalProperties": {
          "type": "string"
        },
        "description": "Import options, e.g. `timeout`."
      }
    }
  },
  "JobIDReq": {
    "type": "object",
    "required": [
      "jobId"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "jobId": {
        "type": "string",
        "x-go-name": "JobID",
        "description": "Decimal job ID, as `jobs/import/create` answers it."
      }
    }
  },
  "IndexParamReq": {
    "type": "object",
    "required": [
      "collectionName",
      "indexParams"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "indexParams": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/IndexParam"
        }
      }
    }
  },
  "IndexReq": {
    "type": "object",
    "required": [
      "collectionName",
      "indexName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "indexName": {
        "type": "string"
      }
    }
  },
  "HybridSearchReq": {
    "type": "object",
    "required": [
      "collectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "search": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SubSearchReq"
        },
        "description": "The ANN searches (at most 1024)."
      },
      "rerank": {
        "$ref": "#/components/schemas/Rand"
      },
      "limit": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Fused hits per query vector."
      },
      "offset": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Fused hits skipped per query vector (a known divergence for early 2.5 releases)."
      },
      "groupingField": {
        "type": "string",
        "description": "Grouping search: the scalar field whose values group the hits."
      },
      "groupSize": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647
      },
      "strictGroupSize": {
        "type": "boolean"
      },
      "outputFields": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "consistencyLevel": {
        "$ref": "#/components/schemas/ConsistencyLevelName"
      }
    }
  },
  "SubSearchReq": {
    "type": "object",
    "properties": {
      "data": {
        "type": "array",
        "items": {},
        "description": "Query vectors, as `entities/search` takes them."
      },
      "annsField": {
        "type": "string"
      },
      "filter": {
        "type": "string"
      },
      "groupingField": {
        "type": "string",
        "description": "Not used by Milvus 2.5."
      },
      "metricType": {
        "type": "string",
        "description": "Not used by Milvus 2.5 (a `metric_type` in `params` is)."
      },
      "limit": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Top k of this search."
      },
      "offset": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Not used by Milvus 2.5."
      },
      "params": {
        "type": "object",
        "additionalProperties": true,
        "description": "Search parameters, e.g. `{\"params\": {\"ef\": 64}}` or flat `{\"ef\": 64}`."
      },
      "exprParams": {
        "$ref": "#/components/schemas/ExprParams"
      }
    }
  },
  "Rand": {
    "type": "object",
    "description": "The reranker (Go struct `Rand`).",
    "properties": {
      "strategy": {
        "type": "string",
        "description": "`rrf` or `weighted`."
      },
      "params": {
        "type": "object",
        "additionalProperties": true,
        "description": "`{\"k\": 60}` (rrf) or `{\"weights\": [0.7, 0.3], \"norm_score\": true}` (weighted)."
      }
    }
  },
  "ResourceGroupReq": {
    "type": "object",
    "required": [
      "name"
    ],
    "description": "A resource group by name (`resource_groups/create`, `drop`, `describe`); `config` only for create. When `config` is given, its required members are checked too (Go's validator descends into non-nil struct pointers).",
    "properties": {
      "name": {
        "type": "string",
        "description": "The resource group."
      },
      "config": {
        "$ref": "#/components/schemas/ResourceGroupConfig"
      }
    }
  },
  "UpdateResourceGroupReq": {
    "type": "object",
    "required": [
      "resource_groups"
    ],
    "description": "New configs by group name (`resource_groups/alter`); the map's values are not validated (Go's validator does not dive into maps).",
    "properties": {
      "resource_groups": {
        "type": "object",
        "x-go-name": "ResourceGroups",
        "additionalProperties": {
          "$ref": "#/components/schemas/ResourceGroupConfig"
        }
      }
    }
  },
  "TransferReplicaReq": {
    "type": "object",
    "required": [
      "sourceRgName",
      "targetRgName",
      "collectionName",
      "replicaNum"
    ],
    "properties": {
      "sourceRgName": {
        "type": "string"
      },
      "targetRgName": {
        "type": "string"
      },
      "collectionName": {
        "type": "string"
      },
      "replicaNum": {
        "$ref": "#/components/schemas/Int64",
        "description": "Replicas to move (0 is refused as missing)."
      }
    }
  },
  "ResourceGroupConfig": {
    "type": "object",
    "required": [
      "requests",
      "limits"
    ],
    "description": "A `rg.ResourceGroupConfig` as Milvus's REST front reads it.",
    "properties": {
      "requests": {
        "$ref": "#/components/schemas/ResourceGroupLimit"
      },
      "limits": {
        "$ref": "#/components/schemas/ResourceGroupLimit"
      },
      "transfer_from": {
        "type": "array",
        "x-go-name": "TransferFrom",
        "items": {
          "$ref": "#/components/schemas/ResourceGroupTransfer"
        },
        "description": "Groups to take missing nodes from first."
      },
      "transfer_to": {
        "type": "array",
        "x-go-name": "TransferTo",
        "items": {
          "$ref": "#/components/schemas/ResourceGroupTransfer"
        },
        "description": "Groups to give redundant nodes to first."
      },
      "node_filter": {
        "$ref": "#/components/schemas/ResourceGroupNodeFilter",
        "x-go-name": "NodeFilter"
      }
    }
  },
  "ResourceGroupLimit": {
    "type": "object",
    "required": [
      "node_num"
    ],
    "properties": {
      "node_num": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "x-go-name": "NodeNum",
        "description": "Query nodes; 0 is refused as missing."
      }
    }
  },
  "ResourceGroupTransfer": {
    "type": "object",
    "required": [
      "resource_group"
    ],
    "properties": {
      "resource_group": {
        "type": "string",
        "x-go-name": "ResourceGroup"
      }
    }
  },
  "ResourceGroupNodeFilter": {
    "type": "object",
    "required": [
      "node_labels"
    ],
    "properties": {
      "node_labels": {
        "type": "object",
        "x-go-name": "NodeLabels",
        "additionalProperties": {
          "type": "string"
        },
        "description": "Labels a node must carry to join."
      }
    }
  },
  "CollectionDataReq": {
    "type": "object",
    "required": [
      "collectionName",
      "data"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionName": {
        "type": "string",
        "description": "Target partition; default `_default`."
      },
      "data": {
        "type": "array",
        "description": "Rows, field name to value (see `entities/insert`). `[]` passes the binding check and is refused with 1804.",
        "items": {
          "type": "object",
          "additionalProperties": true
        }
      }
    }
  },
  "CollectionFilterReq": {
    "type": "object",
    "required": [
      "collectionName",
      "filter"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionName": {
        "type": "string",
        "description": "Delete in this partition only."
      },
      "filter": {
        "type": "string",
        "description": "A boolean expression, e.g. `id in [1, 2]`."
      },
      "exprParams": {
        "$ref": "#/components/schemas/ExprParams"
      }
    }
  },
  "QueryReqV2": {
    "type": "object",
    "required": [
      "collectionName"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "outputFields": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Default `[\"*\"]`; `[\"count(*)\"]` counts."
      },
      "filter": {
        "type": "string"
      },
      "limit": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Default 100; 0 for no limit."
      },
      "offset": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647
      },
      "exprParams": {
        "$ref": "#/components/schemas/ExprParams"
      },
      "consistencyLevel": {
        "$ref": "#/components/schemas/ConsistencyLevelName"
      }
    }
  },
  "CollectionIDReq": {
    "type": "object",
    "required": [
      "collectionName",
      "id"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "partitionName": {
        "type": "string",
        "description": "Accepted, not used."
      },
      "partitionNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "outputFields": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Default `[\"*\"]`."
      },
      "id": {
        "x-go-name": "ID",
        "description": "A primary key or an array of them (Go `interface{}`: any JSON value binds; a zero\nvalue such as `0` or `\"\"` fails the required check). Int64 keys as JSON numbers or\ndecimal strings, VarChar keys as strings.\n"
      },
      "consistencyLevel": {
        "$ref": "#/components/schemas/ConsistencyLevelName"
      }
    }
  },
  "SearchReqV2": {
    "type": "object",
    "required": [
      "collectionName",
      "data"
    ],
    "properties": {
      "dbName": {
        "$ref": "#/components/schemas/DbName"
      },
      "collectionName": {
        "type": "string"
      },
      "data": {
        "type": "array",
        "description": "Query vectors (number arrays; byte arrays or base64 strings for binary vectors).",
        "items": {}
      },
      "annsField": {
        "type": "string",
        "description": "Vector field; may be omitted with a single vector field."
      },
      "partitionNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "filter": {
        "type": "string"
      },
      "groupingField": {
        "type": "string",
        "description": "Grouping search: the scalar field whose values group the hits."
      },
      "groupSize": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647
      },
      "strictGroupSize": {
        "type": "boolean"
      },
      "limit": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647,
        "description": "Hits per query vector; default 100."
      },
      "offset": {
        "type": "integer",
        "format": "int32",
        "minimum": -2147483648,
        "maximum": 2147483647
      },
      "outputFields": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "searchParams": {
        "type": "object",
        "additionalProperties": true,
        "description": "Search parameters, e.g. `{\"params\": {\"ef\": 64}}` or flat `{\"ef\": 64}`; `metric_type` is checked against the index, `metricType` is ignored. A range search gives `{\"params\": {\"radius\": 1.0, \"range_filter\": 0.2}}`: the hits scoring between the two (L2, HAMMING, JACCARD: `range_filter <= d < radius`; IP, COSINE: `radius < d <= range_filter`), best first, at most `limit`."
      },
      "consistencyLevel": {
        "$ref": "#/components/schemas/ConsistencyLevelName"
      },
      "exprParams": {
        "$ref": "#/components/schemas/ExprParams"
      },
      "params": {
        "type": "object",
        "additionalProperties": {
          "type": "number"
        },
        "description": "Legacy, accepted and ignored."
      }
    }
  },
  "ExprParams": {
    "type": "object",
    "additionalProperties": true,
    "description": "Values of `{name}` placeholders of the filter (integral numbers as Int64, other numbers as Double, strings, bools, arrays)."
  },
  "ConsistencyLevelName": {
    "type": "string",
    "enum": [
      "Strong",
      "Session",
      "Bounded",
      "Eventually",
      "Customized"
    ],
    "description": "Anything else is 1100 `consistencyLevel can only be [Strong, Session, Bounded, Eventually,\nCustomized], default: Bounded, err:parameter:'<x>' is incorrect, please check it: invalid parameter`.\n"
  },
  "DbName": {
    "type": "string",
    "description": "Database; when empty, the `DB-Name` header, else `default`."
  },
  "ErrorResponse": {
    "type": "object",
    "required": [
      "code",
      "message"
    ],
    "description": "A failure. `code` is the merr code (never 0); Milvus also sends HTTP 401/403/408 with this shape.",
    "properties": {
      "code": {
        "type": "integer",
        "not": {
          "const": 0
        },
        "description": "merr code, e.g. 100 collection not found, 200 partition not found, 1801, 1802, 65535."
      },
      "message": {
        "type": "string",
        "description": "The reason as Milvus phrases it."
      }
    }
  },
  "Int64": {
    "type": "integer",
    "format": "int64",
    "description": "An int64 written as a JSON number; may exceed 2^53."
  },
  "KeyValuePair": {
    "type": "object",
    "description": "A `common.KeyValuePair` as Go's encoding/json writes it (empty members omitted).",
    "properties": {
      "key": {
        "type": "string"
      },
      "value": {
        "type": "string"
      }
    }
  },
  "EmptyResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "enum": [
          0,
          200
        ],
        "description": "0 (200 on some Milvus 2.4.0–2.4.3 endpoints)."
      },
      "data": {
        "type": "object",
        "properties": {},
        "additionalProperties": false
      }
    }
  },
  "NameListResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "HasResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "has"
        ],
        "properties": {
          "has": {
            "type": "boolean"
          }
        }
      }
    }
  },
  "RowCountResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "rowCount"
        ],
        "properties": {
          "rowCount": {
            "$ref": "#/components/schemas/Int64"
          }
        }
      }
    }
  },
  "LoadStateResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "loadState"
        ],
        "properties": {
          "loadState": {
            "type": "string",
            "enum": [
              "LoadStateNotLoad",
              "LoadStateLoading",
              "LoadStateLoaded"
            ]
          },
          "loadProgress": {
            "$ref": "#/components/schemas/Int64",
            "description": "0–100, or -1 when the progress call failed (see `message`)."
          }
        }
      },
      "message": {
        "type": "string",
        "description": "Present when the collection is loaded or loading: \"\" or the progress error followed by \".\"."
      }
    }
  },
  "CollectionDescriptionResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "$ref": "#/components/schemas/CollectionDescription"
      },
      "message": {
        "type": "string",
        "description": "Errors of the secondary calls, each followed by \";\" (or \".\" for ListAliases)."
      }
    }
  },
  "CollectionDescription": {
    "type": "object",
    "required": [
      "collectionName",
      "collectionID",
      "description",
      "autoId",
      "fields",
      "functions",
      "aliases",
      "indexes",
      "load",
      "shardsNum",
      "partitionsNum",
      "consistencyLevel",
      "enableDynamicField",
      "properties"
    ],
    "properties": {
      "collectionName": {
        "type": "string"
      },
      "collectionID": {
        "$ref": "#/components/schemas/Int64"
      },
      "description": {
        "type": "string"
      },
      "autoId": {
        "type": "boolean",
        "description": "autoID of the primary key."
      },
      "fields": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FieldDescription"
        }
      },
      "functions": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FunctionDescription"
        }
      },
      "aliases": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "indexes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/IndexSummary"
        }
      },
      "load": {
        "type": "string",
        "description": "LoadStateNotLoad, LoadStateLoading, LoadStateLoaded, or \"\" when GetLoadState failed."
      },
      "shardsNum": {
        "type": "integer"
      },
      "partitionsNum": {
        "$ref": "#/components/schemas/Int64"
      },
      "consistencyLevel": {
        "type": "string",
        "enum": [
          "Strong",
          "Session",
          "Bounded",
          "Eventually",
          "Customized"
        ]
      },
      "enableDynamicField": {
        "type": "boolean"
      },
      "properties": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/KeyValuePair"
        }
      }
    }
  },
  "FieldDescription": {
    "type": "object",
    "required": [
      "name",
      "id",
      "type",
      "primaryKey",
      "partitionKey",
      "clusteringKey",
      "autoId",
      "description",
      "nullable"
    ],
    "properties": {
      "name": {
        "type": "string"
      },
      "id": {
        "$ref": "#/components/schemas/Int64",
        "description": "Field ID (100, 101, ...)."
      },
      "type": {
        "type": "string",
        "description": "`schema.DataType` name, e.g. FloatVector."
      },
      "primaryKey": {
        "type": "boolean"
      },
      "partitionKey": {
        "type": "boolean"
      },
      "clusteringKey": {
        "type": "boolean"
      },
      "autoId": {
        "type": "boolean"
      },
      "description": {
        "type": "string"
      },
      "nullable": {
        "type": "boolean"
      },
      "params": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/KeyValuePair"
        },
        "description": "Type parameters; absent when none."
      },
      "elementType": {
        "type": "string",
        "description": "Element type name, Array fields only."
      },
      "defaultValue": {
        "description": "Default value, when set."
      },
      "isFunctionOutput": {
        "type": "boolean",
        "description": "Present (true) for function outputs only."
      }
    }
  },
  "FunctionDescription": {
    "type": "object",
    "properties": {
      "name": {
        "type": "string"
      },
      "id": {
        "$ref": "#/components/schemas/Int64"
      },
      "description": {
        "type": "string"
      },
      "type": {
        "type": "integer"
      },
      "inputFieldNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "outputFieldNames": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "params": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/KeyValuePair"
        }
      }
    }
  },
  "IndexSummary": {
    "type": "object",
    "required": [
      "fieldName",
      "indexName",
      "metricType"
    ],
    "properties": {
      "fieldName": {
        "type": "string"
      },
      "indexName": {
        "type": "string"
      },
      "metricType": {
        "type": "string",
        "description": "COSINE when the index has none."
      }
    }
  },
  "IndexDescriptionsResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/IndexDescription"
        }
      }
    }
  },
  "IndexDescription": {
    "type": "object",
    "required": [
      "indexName",
      "fieldName",
      "indexType",
      "metricType",
      "totalRows",
      "pendingRows",
      "indexedRows",
      "indexState",
      "failReason"
    ],
    "properties": {
      "indexName": {
        "type": "string"
      },
      "fieldName": {
        "type": "string"
      },
      "indexType": {
        "type": "string"
      },
      "metricType": {
        "type": "string"
      },
      "totalRows": {
        "$ref": "#/components/schemas/Int64"
      },
      "pendingRows": {
        "$ref": "#/components/schemas/Int64"
      },
      "indexedRows": {
        "$ref": "#/components/schemas/Int64"
      },
      "indexState": {
        "type": "string",
        "description": "`common.IndexState` name: Finished, InProgress, Failed, ..."
      },
      "failReason": {
        "type": "string"
      }
    }
  },
  "AliasDescriptionResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "dbName",
          "collectionName",
          "aliasName"
        ],
        "properties": {
          "dbName": {
            "type": "string"
          },
          "collectionName": {
            "type": "string"
          },
          "aliasName": {
            "type": "string"
          }
        }
      }
    }
  },
  "ImportJobCreatedResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "jobId"
        ],
        "properties": {
          "jobId": {
            "type": "string"
          }
        }
      }
    }
  },
  "ImportJobListResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "records"
        ],
        "properties": {
          "records": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "jobId",
                "collectionName",
                "state",
                "progress"
              ],
              "properties": {
                "jobId": {
                  "type": "string"
                },
                "collectionName": {
                  "type": "string"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "Pending",
                    "Importing",
                    "Completed",
                    "Failed"
                  ]
                },
                "progress": {
                  "type": "integer"
                },
                "reason": {
                  "type": "string",
                  "description": "Only for a failed job."
                }
              }
            }
          }
        }
      }
    }
  },
  "ImportJobProgressResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "jobId",
          "collectionName",
          "completeTime",
          "state",
          "progress",
          "importedRows",
          "totalRows",
          "fileSize",
          "details"
        ],
        "properties": {
          "jobId": {
            "type": "string"
          },
          "collectionName": {
            "type": "string"
          },
          "completeTime": {
            "type": "string",
            "description": "RFC 3339, `\"\"` while the job runs."
          },
          "state": {
            "type": "string",
            "enum": [
              "Pending",
              "Importing",
              "Completed",
              "Failed"
            ]
          },
          "progress": {
            "type": "integer",
            "description": "Percent, 0–100."
          },
          "importedRows": {
            "type": "integer"
          },
          "totalRows": {
            "type": "integer"
          },
          "fileSize": {
            "type": "integer",
            "description": "Bytes of every file of the job."
          },
          "reason": {
            "type": "string",
            "description": "Only for a failed job."
          },
          "details": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "fileName",
                "fileSize",
                "progress",
                "completeTime",
                "state",
                "importedRows",
                "totalRows"
              ],
              "properties": {
                "fileName": {
                  "type": "string",
                  "description": "The group's paths joined with `,`."
                },
                "fileSize": {
                  "type": "integer"
                },
                "progress": {
                  "type": "integer"
                },
                "completeTime": {
                  "type": "string"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "Pending",
                    "InProgress",
                    "Completed",
                    "Failed"
                  ]
                },
                "importedRows": {
                  "type": "integer"
                },
                "totalRows": {
                  "type": "integer"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    }
  },
  "DatabaseDescriptionResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "$ref": "#/components/schemas/DatabaseDescription"
      }
    }
  },
  "DatabaseDescription": {
    "type": "object",
    "required": [
      "dbName",
      "dbID",
      "properties"
    ],
    "properties": {
      "dbName": {
        "type": "string"
      },
      "dbID": {
        "$ref": "#/components/schemas/Int64"
      },
      "properties": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/KeyValuePair"
        }
      }
    }
  },
  "Int64OrString": {
    "description": "An int64 as a JSON number (may exceed 2^53), or as a decimal string with `Accept-Type-Allow-Int64` false.",
    "oneOf": [
      {
        "$ref": "#/components/schemas/Int64"
      },
      {
        "type": "string",
        "pattern": "^-?[0-9]+$"
      }
    ]
  },
  "PrimaryKeys": {
    "type": "array",
    "description": "Primary keys in row order; Int64 keys as `Int64OrString`, VarChar keys as strings.",
    "items": {
      "anyOf": [
        {
          "$ref": "#/components/schemas/Int64OrString"
        },
        {
          "type": "string"
        }
      ]
    }
  },
  "Cost": {
    "type": "integer",
    "description": "`cost` of the answer (`proxy.GetCostValue`): 0 in open-source Milvus."
  },
  "RoleGrantsResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "objectType",
            "objectName",
            "privilege",
            "dbName",
            "grantor"
          ],
          "properties": {
            "objectType": {
              "type": "string"
            },
            "objectName": {
              "type": "string"
            },
            "privilege": {
              "type": "string"
            },
            "dbName": {
              "type": "string"
            },
            "grantor": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "PrivilegeGroupsResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "privilegeGroups"
        ],
        "properties": {
          "privilegeGroups": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "privilegeGroupName",
                "privileges"
              ],
              "properties": {
                "privilegeGroupName": {
                  "type": "string"
                },
                "privileges": {
                  "type": "string",
                  "description": "The privileges joined with commas."
                }
              }
            }
          }
        }
      }
    }
  },
  "ResourceGroupDescriptionResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "required": [
          "resource_group"
        ],
        "properties": {
          "resource_group": {
            "$ref": "#/components/schemas/ResourceGroupDescription"
          }
        }
      }
    }
  },
  "ResourceGroupDescription": {
    "type": "object",
    "description": "A `milvus.ResourceGroup` as Go's encoding/json writes the proto struct (snake_case keys; zero numbers, empty maps and lists omitted; map keys sorted).",
    "properties": {
      "name": {
        "type": "string"
      },
      "capacity": {
        "type": "integer",
        "format": "int32",
        "description": "`requests.node_num` (1000000 for the default group)."
      },
      "num_available_node": {
        "type": "integer",
        "format": "int32"
      },
      "num_loaded_replica": {
        "type": "object",
        "additionalProperties": {
          "type": "integer"
        },
        "description": "Replicas in the group by collection name."
      },
      "num_outgoing_node": {
        "type": "object",
        "additionalProperties": {
          "type": "integer"
        }
      },
      "num_incoming_node": {
        "type": "object",
        "additionalProperties": {
          "type": "integer"
        }
      },
      "config": {
        "type": "object",
        "properties": {
          "requests": {
            "type": "object",
            "properties": {
              "node_num": {
                "type": "integer"
              }
            }
          },
          "limits": {
            "type": "object",
            "properties": {
              "node_num": {
                "type": "integer"
              }
            }
          },
          "transfer_from": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "resource_group": {
                  "type": "string"
                }
              }
            }
          },
          "transfer_to": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "resource_group": {
                  "type": "string"
                }
              }
            }
          },
          "node_filter": {
            "type": "object",
            "properties": {
              "node_labels": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/KeyValuePair"
                }
              }
            }
          }
        }
      },
      "nodes": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "node_id": {
              "$ref": "#/components/schemas/Int64"
            },
            "address": {
              "type": "string"
            },
            "hostname": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "InsertResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "enum": [
          0,
          200
        ],
        "description": "0 (200 on Milvus 2.4.0–2.4.3)."
      },
      "cost": {
        "$ref": "#/components/schemas/Cost"
      },
      "data": {
        "type": "object",
        "required": [
          "insertCount",
          "insertIds"
        ],
        "properties": {
          "insertCount": {
            "$ref": "#/components/schemas/Int64"
          },
          "insertIds": {
            "$ref": "#/components/schemas/PrimaryKeys"
          }
        }
      }
    }
  },
  "UpsertResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "enum": [
          0,
          200
        ],
        "description": "0 (200 on Milvus 2.4.0–2.4.3)."
      },
      "cost": {
        "$ref": "#/components/schemas/Cost"
      },
      "data": {
        "type": "object",
        "required": [
          "upsertCount",
          "upsertIds"
        ],
        "properties": {
          "upsertCount": {
            "$ref": "#/components/schemas/Int64"
          },
          "upsertIds": {
            "$ref": "#/components/schemas/PrimaryKeys"
          }
        }
      }
    }
  },
  "DeleteResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "const": 0
      },
      "data": {
        "type": "object",
        "properties": {
          "deleteCount": {
            "$ref": "#/components/schemas/Int64",
            "description": "Rows deleted (Milvus 2.5; earlier releases answer `{}`)."
          }
        }
      }
    }
  },
  "EntityRow": {
    "type": "object",
    "description": "One row, keys sorted: each output field by name and each dynamic key at the top level.\nInt64 values as `Int64OrString`; Int8–Int32 and Double as numbers; Float with float32\ndigits; Bool; VarChar; FloatVector as a number array; BinaryVector, Float16Vector and\nBFloat16Vector as base64 of their bytes; SparseFloatVector as an object of index → value\n(`{\"3\": 0.5}`); JSON fields as a string holding the JSON text (integers beyond 2^53 kept\nexact); Array fields as the proto `ScalarField` Go writes, e.g.\n`{\"Data\": {\"LongData\": {\"data\": [1, 2]}}}`; null for a null value. `count(*)` is an Int64.\nIn an insert or upsert body the same fields are given as values: Float16Vector and\nBFloat16Vector also as number arrays, SparseFloatVector also as `{\"indices\": [...],\n\"values\": [...]}`; a nullable field or one with a default value may be null or absent.\n",
    "additionalProperties": true
  },
  "SearchRow": {
    "allOf": [
      {
        "$ref": "#/components/schemas/EntityRow"
      },
      {
        "type": "object",
        "required": [
          "id",
          "distance"
        ],
        "properties": {
          "id": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Int64OrString"
              },
              {
                "type": "string"
              }
            ],
            "description": "The primary key (always under `id`)."
          },
          "distance": {
            "type": "number",
            "description": "The score by the index metric (float32 digits)."
          }
        }
      }
    ]
  },
  "RowsResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "enum": [
          0,
          200
        ],
        "description": "0 (200 on Milvus 2.4.0–2.4.3)."
      },
      "cost": {
        "$ref": "#/components/schemas/Cost"
      },
      "data": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/EntityRow"
        }
      }
    }
  },
  "SearchResponse": {
    "type": "object",
    "required": [
      "code",
      "data"
    ],
    "properties": {
      "code": {
        "type": "integer",
        "enum": [
          0,
          200
        ],
        "description": "0 (200 on Milvus 2.4.0–2.4.3)."
      },
      "cost": {
        "$ref": "#/components/schemas/Cost"
      },
      "data": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SearchRow"
        }
      },
      "topks": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Int64"
        },
        "description": "Rows per query vector, in order (Milvus 2.5.5 and later)."
      }
    }
  }
};

/** Every RESTful v2 path of openapi/milvus-v2.yaml (all `POST`): operation ID, summary and the Go request struct its body binds to. */
export const OPENAPI_ROUTES: Readonly<Record<string, { readonly operationId: string; readonly summary: string; readonly struct: string }>> = {
  "/v2/vectordb/databases/create": {
    "operationId": "createDatabase",
    "summary": "Create a database (CreateDatabase).",
    "struct": "DatabaseReqWithProperties"
  },
  "/v2/vectordb/databases/drop": {
    "operationId": "dropDatabase",
    "summary": "Drop a database (DropDatabase); a missing one is a success.",
    "struct": "DatabaseReqRequiredName"
  },
  "/v2/vectordb/databases/list": {
    "operationId": "listDatabases",
    "summary": "List database names (ListDatabases).",
    "struct": "EmptyReq"
  },
  "/v2/vectordb/databases/describe": {
    "operationId": "describeDatabase",
    "summary": "Describe a database (DescribeDatabase).",
    "struct": "DatabaseReqRequiredName"
  },
  "/v2/vectordb/collections/create": {
    "operationId": "createCollection",
    "summary": "Create a collection, quick setup or with a schema.",
    "struct": "CollectionReq"
  },
  "/v2/vectordb/collections/describe": {
    "operationId": "describeCollection",
    "summary": "Describe a collection (DescribeCollection, GetLoadState, DescribeIndex, ListAliases).",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/collections/list": {
    "operationId": "listCollections",
    "summary": "List collection names (ShowCollections).",
    "struct": "DatabaseReq"
  },
  "/v2/vectordb/collections/has": {
    "operationId": "hasCollection",
    "summary": "Whether a collection exists (HasCollection).",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/collections/drop": {
    "operationId": "dropCollection",
    "summary": "Drop a collection (DropCollection); a missing one is a success.",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/collections/load": {
    "operationId": "loadCollection",
    "summary": "Load a collection (LoadCollection); does not wait for completion.",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/collections/release": {
    "operationId": "releaseCollection",
    "summary": "Release a collection (ReleaseCollection).",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/collections/get_load_state": {
    "operationId": "getLoadState",
    "summary": "Load state of a collection (GetLoadState, then GetLoadingProgress).",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/collections/get_stats": {
    "operationId": "getCollectionStats",
    "summary": "Collection statistics (GetCollectionStatistics).",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/partitions/list": {
    "operationId": "listPartitions",
    "summary": "List partition names (ShowPartitions), `_default` first.",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/partitions/has": {
    "operationId": "hasPartition",
    "summary": "Whether a partition exists (HasPartition); a missing collection is 100.",
    "struct": "PartitionReq"
  },
  "/v2/vectordb/partitions/create": {
    "operationId": "createPartition",
    "summary": "Create a partition (CreatePartition); an existing name is a success.",
    "struct": "PartitionReq"
  },
  "/v2/vectordb/partitions/drop": {
    "operationId": "dropPartition",
    "summary": "Drop a partition (DropPartition); a loaded one is refused.",
    "struct": "PartitionReq"
  },
  "/v2/vectordb/partitions/load": {
    "operationId": "loadPartitions",
    "summary": "Load partitions (LoadPartitions); does not wait for completion.",
    "struct": "PartitionsReq"
  },
  "/v2/vectordb/partitions/release": {
    "operationId": "releasePartitions",
    "summary": "Release partitions (ReleasePartitions).",
    "struct": "PartitionsReq"
  },
  "/v2/vectordb/partitions/get_stats": {
    "operationId": "getPartitionStats",
    "summary": "Partition statistics (GetPartitionStatistics).",
    "struct": "PartitionReq"
  },
  "/v2/vectordb/indexes/create": {
    "operationId": "createIndex",
    "summary": "Create indexes (one CreateIndex per entry).",
    "struct": "IndexParamReq"
  },
  "/v2/vectordb/indexes/describe": {
    "operationId": "describeIndex",
    "summary": "Describe an index (DescribeIndex); 700 when none matches.",
    "struct": "IndexReq"
  },
  "/v2/vectordb/indexes/list": {
    "operationId": "listIndexes",
    "summary": "List index names (DescribeIndex); `[]` for a collection without index.",
    "struct": "CollectionNameReq"
  },
  "/v2/vectordb/indexes/drop": {
    "operationId": "dropIndex",
    "summary": "Drop an index (DropIndex); refused while the collection is loaded.",
    "struct": "IndexReq"
  },
  "/v2/vectordb/aliases/list": {
    "operationId": "listAliases",
    "summary": "The aliases of the database, or of the collection `collectionName` (ListAliases).",
    "struct": "OptionalCollectionNameReq"
  },
  "/v2/vectordb/aliases/describe": {
    "operationId": "describeAlias",
    "summary": "The collection an alias names (DescribeAlias); a missing alias is 1600.",
    "struct": "AliasReq"
  },
  "/v2/vectordb/aliases/create": {
    "operationId": "createAlias",
    "summary": "Create an alias of a collection (CreateAlias); 1601 when a collection has the name, 1602 when the alias names another collection.",
    "struct": "AliasCollectionReq"
  },
  "/v2/vectordb/aliases/drop": {
    "operationId": "dropAlias",
    "summary": "Drop an alias (DropAlias); a missing alias is a success.",
    "struct": "AliasReq"
  },
  "/v2/vectordb/aliases/alter": {
    "operationId": "alterAlias",
    "summary": "Move an existing alias to another collection (AlterAlias); a missing alias is 1600.",
    "struct": "AliasCollectionReq"
  },
  "/v2/vectordb/databases/alter": {
    "operationId": "alterDatabaseProperties",
    "summary": "Set database properties (AlterDatabase), e.g. `database.max.collections`, `database.replica.number`, `database.force.deny.writing`.",
    "struct": "DatabaseReqWithProperties"
  },
  "/v2/vectordb/databases/drop_properties": {
    "operationId": "dropDatabaseProperties",
    "summary": "Delete database properties (AlterDatabase with delete keys).",
    "struct": "DropDatabasePropertiesReq"
  },
  "/v2/vectordb/collections/rename": {
    "operationId": "renameCollection",
    "summary": "Rename a collection, optionally into another database (RenameCollection).",
    "struct": "RenameCollectionReq"
  },
  "/v2/vectordb/collections/alter_properties": {
    "operationId": "alterCollectionProperties",
    "summary": "Set collection properties (AlterCollection), e.g. `collection.ttl.seconds` (rows older than it are no longer read), `mmap.enabled` (104 while loaded).",
    "struct": "CollectionReqWithProperties"
  },
  "/v2/vectordb/collections/drop_properties": {
    "operationId": "dropCollectionProperties",
    "summary": "Delete collection properties (AlterCollection with delete keys).",
    "struct": "DropCollectionPropertiesReq"
  },
  "/v2/vectordb/collections/fields/alter_properties": {
    "operationId": "alterCollectionFieldProperties",
    "summary": "Change a field's `max_length`, `max_capacity` or `mmap.enabled` (AlterCollectionField).",
    "struct": "CollectionFieldReqWithParams"
  },
  "/v2/vectordb/indexes/alter_properties": {
    "operationId": "alterIndexProperties",
    "summary": "Set index properties, `mmap.enabled` (AlterIndex); 104 while the collection is loaded.",
    "struct": "IndexReqWithProperties"
  },
  "/v2/vectordb/indexes/drop_properties": {
    "operationId": "dropIndexProperties",
    "summary": "Delete index properties (AlterIndex with delete keys).",
    "struct": "DropIndexPropertiesReq"
  },
  "/v2/vectordb/users/create": {
    "operationId": "createUser",
    "summary": "Create a user (CreateCredential); username and password rules of the proxy, 65535 when the user exists.",
    "struct": "PasswordReq"
  },
  "/v2/vectordb/users/describe": {
    "operationId": "describeUser",
    "summary": "The roles bound to a user (SelectUser with role info); `[]` for an unknown user.",
    "struct": "UserReq"
  },
  "/v2/vectordb/users/list": {
    "operationId": "listUsers",
    "summary": "Every user name (ListCredUsers).",
    "struct": "DatabaseReq"
  },
  "/v2/vectordb/users/drop": {
    "operationId": "dropUser",
    "summary": "Drop a user (DeleteCredential); `root` cannot be dropped (1401).",
    "struct": "UserReq"
  },
  "/v2/vectordb/users/update_password": {
    "operationId": "updatePassword",
    "summary": "Change a password (UpdateCredential); the old password must match (1400).",
    "struct": "NewPasswordReq"
  },
  "/v2/vectordb/users/grant_role": {
    "operationId": "grantRole",
    "summary": "Bind a role to a user (OperateUserRole AddUserToRole).",
    "struct": "UserRoleReq"
  },
  "/v2/vectordb/users/revoke_role": {
    "operationId": "revokeRole",
    "summary": "Unbind a role from a user (OperateUserRole RemoveUserFromRole).",
    "struct": "UserRoleReq"
  },
  "/v2/vectordb/roles/create": {
    "operationId": "createRole",
    "summary": "Create a role (CreateRole).",
    "struct": "RoleReq"
  },
  "/v2/vectordb/roles/describe": {
    "operationId": "describeRole",
    "summary": "The grants of a role (SelectGrant).",
    "struct": "RoleReq"
  },
  "/v2/vectordb/roles/list": {
    "operationId": "listRoles",
    "summary": "Every role name (SelectRole).",
    "struct": "DatabaseReq"
  },
  "/v2/vectordb/roles/drop": {
    "operationId": "dropRole",
    "summary": "Drop a role (DropRole); built-in roles cannot be dropped (1401), 65535 while it holds grants.",
    "struct": "RoleReq"
  },
  "/v2/vectordb/roles/grant_privilege": {
    "operationId": "grantPrivilege",
    "summary": "Grant a privilege on an object type and name (OperatePrivilege Grant).",
    "struct": "GrantReq"
  },
  "/v2/vectordb/roles/revoke_privilege": {
    "operationId": "revokePrivilege",
    "summary": "Revoke a privilege (OperatePrivilege Revoke).",
    "struct": "GrantReq"
  },
  "/v2/vectordb/roles/grant_privilege_v2": {
    "operationId": "grantPrivilegeV2",
    "summary": "Grant a privilege or privilege group on a database and collection (OperatePrivilegeV2 Grant).",
    "struct": "GrantV2Req"
  },
  "/v2/vectordb/roles/revoke_privilege_v2": {
    "operationId": "revokePrivilegeV2",
    "summary": "Revoke a privilege or privilege group (OperatePrivilegeV2 Revoke).",
    "struct": "GrantV2Req"
  },
  "/v2/vectordb/privilege_groups/create": {
    "operationId": "createPrivilegeGroup",
    "summary": "Create a custom privilege group (CreatePrivilegeGroup).",
    "struct": "PrivilegeGroupReq"
  },
  "/v2/vectordb/privilege_groups/drop": {
    "operationId": "dropPrivilegeGroup",
    "summary": "Drop a custom privilege group (DropPrivilegeGroup); refused while granted.",
    "struct": "PrivilegeGroupReq"
  },
  "/v2/vectordb/privilege_groups/list": {
    "operationId": "listPrivilegeGroups",
    "summary": "Every privilege group, built-in then custom (ListPrivilegeGroups).",
    "struct": "DatabaseReq"
  },
  "/v2/vectordb/privilege_groups/add_privileges_to_group": {
    "operationId": "addPrivilegesToGroup",
    "summary": "Add privileges to a custom group (OperatePrivilegeGroup AddPrivilegesToGroup).",
    "struct": "PrivilegeGroupReq"
  },
  "/v2/vectordb/privilege_groups/remove_privileges_from_group": {
    "operationId": "removePrivilegesFromGroup",
    "summary": "Remove privileges from a custom group (OperatePrivilegeGroup RemovePrivilegesFromGroup).",
    "struct": "PrivilegeGroupReq"
  },
  "/v2/vectordb/entities/hybrid_search": {
    "operationId": "hybridSearchEntities",
    "summary": "Hybrid search, several ANN searches fused by a reranker (DescribeCollection, then HybridSearch).",
    "struct": "HybridSearchReq"
  },
  "/v2/vectordb/entities/advanced_search": {
    "operationId": "advancedSearchEntities",
    "summary": "The path Milvus 2.5 keeps for hybrid search (backward compatible); served as `entities/hybrid_search`.",
    "struct": "HybridSearchReq"
  },
  "/v2/vectordb/jobs/import/create": {
    "operationId": "createImportJob",
    "summary": "Create an import job (ImportV2) over file groups of the import directory; it runs asynchronously.",
    "struct": "ImportReq"
  },
  "/v2/vectordb/jobs/import/list": {
    "operationId": "listImportJobs",
    "summary": "The import jobs of the database, or of one collection (ListImports).",
    "struct": "OptionalCollectionNameReq"
  },
  "/v2/vectordb/jobs/import/get_progress": {
    "operationId": "getImportJobProgress",
    "summary": "State, progress and rows of an import job and of each of its file groups (GetImportProgress).",
    "struct": "JobIDReq"
  },
  "/v2/vectordb/jobs/import/describe": {
    "operationId": "describeImportJob",
    "summary": "The same answer as `jobs/import/get_progress` (GetImportProgress).",
    "struct": "JobIDReq"
  },
  "/v2/vectordb/resource_groups/create": {
    "operationId": "createResourceGroup",
    "summary": "Create a resource group (CreateResourceGroup); without `config` it wants and allows 0 nodes; the same name with another config is 301.",
    "struct": "ResourceGroupReq"
  },
  "/v2/vectordb/resource_groups/drop": {
    "operationId": "dropResourceGroup",
    "summary": "Drop a resource group (DropResourceGroup); a missing group is a success, one holding replicas or with `limits.node_num` above 0 is 1100.",
    "struct": "ResourceGroupReq"
  },
  "/v2/vectordb/resource_groups/alter": {
    "operationId": "alterResourceGroups",
    "summary": "Replace the configs of existing resource groups, all or none (UpdateResourceGroups); a missing group is 300, a bad config 303.",
    "struct": "UpdateResourceGroupReq"
  },
  "/v2/vectordb/resource_groups/describe": {
    "operationId": "describeResourceGroup",
    "summary": "A resource group's capacity, nodes, config and loaded replicas by collection (DescribeResourceGroup); a missing group is 300.",
    "struct": "ResourceGroupReq"
  },
  "/v2/vectordb/resource_groups/list": {
    "operationId": "listResourceGroups",
    "summary": "The resource groups' names, `__default_resource_group` first (ListResourceGroups).",
    "struct": "EmptyReq"
  },
  "/v2/vectordb/resource_groups/transfer_replica": {
    "operationId": "transferReplica",
    "summary": "Move replicas of a loaded collection between resource groups (TransferReplica). The body has no `dbName`; the collection is looked up in the `DB-Name` header's database, else `default`.",
    "struct": "TransferReplicaReq"
  },
  "/v2/vectordb/entities/insert": {
    "operationId": "insertEntities",
    "summary": "Insert rows (DescribeCollection, then Insert).",
    "struct": "CollectionDataReq"
  },
  "/v2/vectordb/entities/upsert": {
    "operationId": "upsertEntities",
    "summary": "Insert or replace rows by primary key (DescribeCollection, then Upsert).",
    "struct": "CollectionDataReq"
  },
  "/v2/vectordb/entities/delete": {
    "operationId": "deleteEntities",
    "summary": "Delete the rows matching a filter (DescribeCollection, then Delete).",
    "struct": "CollectionFilterReq"
  },
  "/v2/vectordb/entities/query": {
    "operationId": "queryEntities",
    "summary": "Rows matching a filter (Query).",
    "struct": "QueryReqV2"
  },
  "/v2/vectordb/entities/get": {
    "operationId": "getEntities",
    "summary": "Rows by primary key (DescribeCollection, then Query with `<pk> in [ids]`).",
    "struct": "CollectionIDReq"
  },
  "/v2/vectordb/entities/search": {
    "operationId": "searchEntities",
    "summary": "Vector search (DescribeCollection, then Search).",
    "struct": "SearchReqV2"
  }
};
