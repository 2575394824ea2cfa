// Package sdks pins the original Milvus Go SDK (github.com/milvus-io/milvus-sdk-go/v2/client)
// the 2.0-era documentation's Go blocks are written for (drop_partition.md,
// release_partition.md). A module of its own: it does not build against the milvus-proto
// version the current SDK (../go.mod) needs.
package sdks

import (
	_ "github.com/milvus-io/milvus-sdk-go/v2/client"
)
