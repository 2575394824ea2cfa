// Command iterators drives the Go SDK's iterators (github.com/milvus-io/milvus/client/v2
// milvusclient: QueryIterator, SearchIterator) against a server, for
// conformance/test/go-iterators.test.ts. It reads the cases as a JSON array on stdin, runs each
// to io.EOF and prints one JSON line per case with what the SDK returned: the page sizes, the
// primary keys in order and, for a search, the scores. The test owns the data and the checks.
//
// Environment: MVKIT_GO_TARGET (host:port of the server), MVKIT_GO_TOKEN (optional).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/milvus-io/milvus/client/v2/entity"
	"github.com/milvus-io/milvus/client/v2/milvusclient"
)

// iteratorCase is one iterator run: "query" or "search" over a collection.
type iteratorCase struct {
	Iterator   string    `json:"iterator"`
	Collection string    `json:"collection"`
	Batch      int       `json:"batch"`
	Limit      *int64    `json:"limit,omitempty"`
	Filter     string    `json:"filter,omitempty"`
	Vector     []float32 `json:"vector,omitempty"`
}

// outcome is what the SDK returned for a case (Error set when an iterator call failed).
type outcome struct {
	Pages  []int     `json:"pages"`
	IDs    []int64   `json:"ids"`
	Scores []float32 `json:"scores,omitempty"`
	Error  string    `json:"error,omitempty"`
}

type nexter interface {
	Next(ctx context.Context) (milvusclient.ResultSet, error)
}

func main() {
	var cases []iteratorCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "reading the cases:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	client, err := milvusclient.New(ctx, &milvusclient.ClientConfig{Address: os.Getenv("MVKIT_GO_TARGET"), APIKey: os.Getenv("MVKIT_GO_TOKEN")})
	if err != nil {
		fmt.Fprintln(os.Stderr, "connecting:", err)
		os.Exit(2)
	}
	defer client.Close(ctx)
	out := json.NewEncoder(os.Stdout)
	for _, c := range cases {
		if err := out.Encode(run(ctx, client, c)); err != nil {
			fmt.Fprintln(os.Stderr, "writing:", err)
			os.Exit(2)
		}
	}
}

// run opens the case's iterator and drains it.
func run(ctx context.Context, client *milvusclient.Client, c iteratorCase) outcome {
	res := outcome{Pages: []int{}, IDs: []int64{}}
	var it nexter
	var err error
	switch c.Iterator {
	case "query":
		opt := milvusclient.NewQueryIteratorOption(c.Collection).WithBatchSize(c.Batch).WithOutputFields("id").WithFilter(c.Filter)
		if c.Limit != nil {
			opt = opt.WithIteratorLimit(*c.Limit)
		}
		it, err = client.QueryIterator(ctx, opt)
	case "search":
		opt := milvusclient.NewSearchIteratorOption(c.Collection, entity.FloatVector(c.Vector)).WithBatchSize(c.Batch).WithOutputFields("id").WithFilter(c.Filter)
		if c.Limit != nil {
			opt = opt.WithIteratorLimit(*c.Limit)
		}
		it, err = client.SearchIterator(ctx, opt)
	default:
		err = fmt.Errorf("unknown iterator %q", c.Iterator)
	}
	for err == nil {
		var rs milvusclient.ResultSet
		rs, err = it.Next(ctx)
		if err != nil {
			break
		}
		ids := rs.GetColumn("id")
		if ids == nil {
			err = errors.New("a page without the id column")
			break
		}
		res.Pages = append(res.Pages, ids.Len())
		for i := 0; i < ids.Len(); i++ {
			id, e := ids.GetAsInt64(i)
			if e != nil {
				err = e
				break
			}
			res.IDs = append(res.IDs, id)
		}
		res.Scores = append(res.Scores, rs.Scores...)
	}
	if !errors.Is(err, io.EOF) {
		res.Error = err.Error()
	}
	return res
}
