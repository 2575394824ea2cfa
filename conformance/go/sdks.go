// Package sdks pins the Milvus Go SDK the current documentation's Go blocks are written for
// (manage-partitions.md: github.com/milvus-io/milvus/client/v2/milvusclient). The conformance
// runner (conformance/src/runners/go.ts) builds one program per page against this module's
// go.mod and go.sum; this file only keeps the SDK in them. The 2.0-era pages use the original
// SDK, which does not build against the same milvus-proto version: it has its own module in
// legacy/.
package sdks

import (
	_ "github.com/milvus-io/milvus/client/v2/milvusclient"
)
