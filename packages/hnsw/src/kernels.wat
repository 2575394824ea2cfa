;; Float32 distance kernels with WebAssembly SIMD (128-bit), over vectors in the importing
;; index's memory. Assembled by scripts/gen-simd.mjs (npm `wabt`) into src/gen/kernels.ts.
;;
;; Each kernel takes two byte addresses `a`, `b` (any alignment) and `n`, the floats per vector,
;; and reads a[0..n), b[0..n): 16 floats per step in four f32x4 accumulators (independent add
;; chains), then 8 floats when n & 8, 4 when n & 4, and a scalar tail for n & 3.
;;
;; The batch forms take the distances from the vector at `q` to the rows of `count` nodes whose
;; ids (i32) are at `ids`, node `id`'s row being at `base + id · rowBytes`, into f32 at `out`:
;; one call per expanded graph node rather than one per neighbour.
(module
  (import "env" "memory" (memory 0))

  ;; a0 + a1 + a2 + a3
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; Squared Euclidean distance.
  (func $l2sq (export "l2sq") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32) (local $end16 i32) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $d v128) (local $t f32) (local $s f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end16 (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done16
      (loop $step16
        (br_if $done16 (i32.ge_u (local.get $a) (local.get $end16)))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.tee $d (f32x4.sub (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))) (local.get $d))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.tee $d (f32x4.sub (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $b)))) (local.get $d))))
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.tee $d (f32x4.sub (v128.load offset=32 align=4 (local.get $a)) (v128.load offset=32 align=4 (local.get $b)))) (local.get $d))))
        (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.tee $d (f32x4.sub (v128.load offset=48 align=4 (local.get $a)) (v128.load offset=48 align=4 (local.get $b)))) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br $step16)))
    (if (i32.and (local.get $n) (i32.const 8))
      (then
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.tee $d (f32x4.sub (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))) (local.get $d))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.tee $d (f32x4.sub (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $b)))) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))))
    (if (i32.and (local.get $n) (i32.const 4))
      (then
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.tee $d (f32x4.sub (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))))
    (local.set $s (call $hsum (f32x4.add (f32x4.add (local.get $s0) (local.get $s1)) (f32x4.add (local.get $s2) (local.get $s3)))))
    (block $done1
      (loop $step1
        (br_if $done1 (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $t (f32.sub (f32.load (local.get $a)) (f32.load (local.get $b))))
        (local.set $s (f32.add (local.get $s) (f32.mul (local.get $t) (local.get $t))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $step1)))
    (local.get $s))

  ;; Negated inner product (a distance: smaller is better). On normalised vectors: −cosine.
  (func $negDot (export "negDot") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32) (local $end16 i32) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $s f32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end16 (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
    (block $done16
      (loop $step16
        (br_if $done16 (i32.ge_u (local.get $a) (local.get $end16)))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $b)))))
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (v128.load offset=32 align=4 (local.get $a)) (v128.load offset=32 align=4 (local.get $b)))))
        (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (v128.load offset=48 align=4 (local.get $a)) (v128.load offset=48 align=4 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br $step16)))
    (if (i32.and (local.get $n) (i32.const 8))
      (then
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))))
    (if (i32.and (local.get $n) (i32.const 4))
      (then
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))))
    (local.set $s (call $hsum (f32x4.add (f32x4.add (local.get $s0) (local.get $s1)) (f32x4.add (local.get $s2) (local.get $s3)))))
    (block $done1
      (loop $step1
        (br_if $done1 (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $step1)))
    (f32.neg (local.get $s)))

  ;; l2sq from `q` to each of `count` node rows (see the batch forms above).
  (func (export "l2sqBatch") (param $q i32) (param $ids i32) (param $out i32) (param $count i32) (param $base i32) (param $rowBytes i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ids) (local.get $end)))
        (f32.store (local.get $out)
          (call $l2sq (local.get $q) (i32.add (local.get $base) (i32.mul (i32.load (local.get $ids)) (local.get $rowBytes))) (local.get $n)))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $next))))

  ;; negDot from `q` to each of `count` node rows (see the batch forms above).
  (func (export "negDotBatch") (param $q i32) (param $ids i32) (param $out i32) (param $count i32) (param $base i32) (param $rowBytes i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ids) (local.get $end)))
        (f32.store (local.get $out)
          (call $negDot (local.get $q) (i32.add (local.get $base) (i32.mul (i32.load (local.get $ids)) (local.get $rowBytes))) (local.get $n)))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $next)))))
